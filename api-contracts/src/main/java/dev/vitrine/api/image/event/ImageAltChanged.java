package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ImageAltChanged(UUID imageId, UUID galleryId, String alt) implements ImageEvent {}
