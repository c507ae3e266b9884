package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Every variant of this generation is recorded (the WebP set, published before, and now the AVIF set too): its
 * processing is done. The Image aggregate alone decides this; images processed before the event existed never got
 * it and need nothing more.
 */
@Revision("1")
public record ImageProcessingCompleted(UUID imageId, UUID galleryId, int generation) implements ImageEvent {}
