package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UploadConfirmed(
        UUID imageId, UUID galleryId, String objectKey, String contentType, long size, String sha256)
        implements ImageEvent {}
