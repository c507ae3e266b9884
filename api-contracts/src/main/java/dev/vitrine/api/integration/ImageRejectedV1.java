package dev.vitrine.api.integration;

import java.util.UUID;

/** {@code dev.vitrine.image.rejected.v1}: the file is no acceptable image; {@code code} says why, for machines. */
public record ImageRejectedV1(UUID imageId, UUID galleryId, String code, String message) implements IntegrationData {}
