package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * What the worker found the image to be. Revision 2 added {@code contentType}, the format recognised from the file's
 * own bytes (what auditors compare with the declared type); events of revision 1 are upcast with it unknown (null).
 */
@Revision("2")
public record ImageAnalyzed(
        UUID imageId,
        UUID galleryId,
        int generation,
        int width,
        int height,
        double aspectRatio,
        String blurhash,
        String contentType)
        implements ImageEvent {

    public ImageAnalyzed(
            UUID imageId, UUID galleryId, int generation, int width, int height, double aspectRatio, String blurhash) {
        this(imageId, galleryId, generation, width, height, aspectRatio, blurhash, null);
    }
}
