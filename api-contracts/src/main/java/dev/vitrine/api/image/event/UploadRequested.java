package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * {@code ownerId} is the gallery's owner; {@code uploaderId} who asked to upload (the owner, a contributor or an
 * editor), since revision 2: events of revision 1 were all the owner's, and read so.
 */
@Revision("2")
public record UploadRequested(
        UUID imageId,
        UUID galleryId,
        UUID ownerId,
        UUID uploaderId,
        String filename,
        String contentType,
        long size,
        String objectKey,
        Instant expiresAt)
        implements ImageEvent {}
