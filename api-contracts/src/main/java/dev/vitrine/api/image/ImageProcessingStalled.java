package dev.vitrine.api.image;

import dev.vitrine.api.ImageEvent;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Every allowed attempt failed; the owner sees the image as stalled and may ask for reprocessing. */
@Revision("1")
public record ImageProcessingStalled(UUID imageId, UUID galleryId, int generation, int attempts, String reason)
        implements ImageEvent {
}
