package dev.vitrine.api.image;

import dev.vitrine.api.ImageEvent;
import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record ImageAnalyzed(UUID imageId, UUID galleryId, int generation, int width, int height, double aspectRatio,
                            String blurhash) implements ImageEvent {
}
