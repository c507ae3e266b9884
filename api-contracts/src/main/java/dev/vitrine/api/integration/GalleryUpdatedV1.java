package dev.vitrine.api.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * {@code dev.vitrine.gallery.updated.v1}: the gallery's name and description, or its cover, changed; {@code changed}
 * names which ({@code name}, {@code description}, {@code coverImageId}) and only those fields are given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GalleryUpdatedV1(UUID galleryId, List<String> changed, String name, String description, UUID coverImageId)
        implements IntegrationData {}
