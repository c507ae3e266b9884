package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The image of this generation has its BlurHash and every WebP variant: it is shown with them from now on. */
@Revision("1")
public record ImagePublished(UUID imageId, UUID galleryId, int generation) implements ImageEvent {}
