package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Every allowed attempt failed; the owner sees the image as stalled and may ask for reprocessing. */
@Revision("1")
public record ImageProcessingStalled(UUID imageId, UUID galleryId, int generation, int attempts, String reason)
        implements ImageEvent {}
