package dev.vitrine.api.integration;

import java.time.Instant;
import java.util.UUID;

/** {@code dev.vitrine.image.upload-requested.v1}: someone is about to upload this file into the gallery. */
public record UploadRequestedV1(
        UUID imageId, UUID galleryId, UUID ownerId, String filename, String contentType, long size, Instant expiresAt)
        implements IntegrationData {}
