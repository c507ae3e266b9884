package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UploadRequested(
        UUID imageId,
        UUID galleryId,
        UUID ownerId,
        String filename,
        String contentType,
        long size,
        String objectKey,
        Instant expiresAt)
        implements ImageEvent {}
