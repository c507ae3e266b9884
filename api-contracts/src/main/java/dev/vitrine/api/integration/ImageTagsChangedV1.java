package dev.vitrine.api.integration;

import java.util.List;
import java.util.UUID;

/** {@code dev.vitrine.image.tags-changed.v1}: the image's tags now, and which were added and removed. */
public record ImageTagsChangedV1(
        UUID imageId, UUID galleryId, List<String> tags, List<String> added, List<String> removed)
        implements IntegrationData {}
