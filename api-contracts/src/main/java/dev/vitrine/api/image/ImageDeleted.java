package dev.vitrine.api.image;

import dev.vitrine.api.ImageEvent;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The image is gone for everyone; its stored objects are deleted after this event. */
@Revision("1")
public record ImageDeleted(UUID imageId, UUID galleryId) implements ImageEvent {
}
