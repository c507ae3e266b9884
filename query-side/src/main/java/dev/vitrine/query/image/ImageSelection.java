package dev.vitrine.query.image;

import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.query.projection.ImageList;

/**
 * Which of a gallery's images a list shows: one of the two lists the read model counts (what the owner sees, what
 * everyone sees), or the owner's images of one other status.
 */
record ImageSelection(ImageList list, ImageStatus status) {

    static ImageSelection of(ImageStatus status) {
        if (status == null) {
            return new ImageSelection(ImageList.SEEN, null);
        }
        return status == ImageStatus.PUBLISHED
                ? new ImageSelection(ImageList.PUBLISHED, status)
                : new ImageSelection(null, status);
    }

    /** Whether the read model counts this list in runs of positions (and on the gallery's row). */
    boolean counted() {
        return list != null;
    }

    String condition() {
        return counted() ? list.condition() : ImageList.condition(status);
    }
}
