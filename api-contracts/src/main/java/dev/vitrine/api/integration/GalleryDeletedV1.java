package dev.vitrine.api.integration;

import java.util.UUID;

/** {@code dev.vitrine.gallery.deleted.v1}: the gallery and all its images are gone. */
public record GalleryDeletedV1(UUID galleryId) implements IntegrationData {}
