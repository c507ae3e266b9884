package dev.vitrine.api.integration;

import java.util.UUID;

/** {@code dev.vitrine.image.deleted.v1} */
public record ImageDeletedV1(UUID imageId, UUID galleryId) implements IntegrationData {}
