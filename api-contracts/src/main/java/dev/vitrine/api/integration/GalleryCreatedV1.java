package dev.vitrine.api.integration;

import dev.vitrine.api.gallery.Visibility;
import java.util.UUID;

/** {@code dev.vitrine.gallery.created.v1} */
public record GalleryCreatedV1(UUID galleryId, UUID ownerId, String name, String description, Visibility visibility)
        implements IntegrationData {}
