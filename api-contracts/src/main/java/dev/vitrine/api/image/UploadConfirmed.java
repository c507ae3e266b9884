package dev.vitrine.api.image;

import dev.vitrine.api.ImageEvent;
import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record UploadConfirmed(UUID imageId, UUID galleryId, String objectKey, String contentType, long size,
                              String sha256) implements ImageEvent {
}
