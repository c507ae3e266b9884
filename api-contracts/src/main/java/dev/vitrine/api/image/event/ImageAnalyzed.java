package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import dev.vitrine.api.image.Capture;
import dev.vitrine.api.image.Fingerprint;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * What the worker found the image to be. Revision 2 added {@code contentType}, the format recognised from the file's
 * own bytes (what auditors compare with the declared type); revision 3 added {@code capture}, how and when the photo
 * was taken as its file says (null when it says nothing); revision 4 added {@code fingerprint}, what the photo looks
 * like in 64 bits, to find its near-duplicates. Older events are upcast with what was not kept then unknown (null).
 */
@Revision("4")
public record ImageAnalyzed(
        UUID imageId,
        UUID galleryId,
        int generation,
        int width,
        int height,
        double aspectRatio,
        String blurhash,
        String contentType,
        Capture capture,
        Fingerprint fingerprint)
        implements ImageEvent {

    public ImageAnalyzed(
            UUID imageId, UUID galleryId, int generation, int width, int height, double aspectRatio, String blurhash) {
        this(imageId, galleryId, generation, width, height, aspectRatio, blurhash, null, null, null);
    }
}
