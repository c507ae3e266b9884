package dev.vitrine.api.image;

import dev.vitrine.api.ImageEvent;
import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record ImageAltChanged(UUID imageId, UUID galleryId, String alt) implements ImageEvent {
}
