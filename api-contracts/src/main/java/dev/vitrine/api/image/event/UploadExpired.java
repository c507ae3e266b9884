package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The upload was never confirmed before it expired; whatever was put at objectKey is deleted. */
@Revision("1")
public record UploadExpired(UUID imageId, UUID galleryId, String objectKey) implements ImageEvent {}
