package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The image is gone for everyone; its stored objects are deleted after this event. */
@Revision("1")
public record ImageDeleted(UUID imageId, UUID galleryId) implements ImageEvent {}
