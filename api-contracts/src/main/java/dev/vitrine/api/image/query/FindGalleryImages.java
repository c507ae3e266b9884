package dev.vitrine.api.image.query;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.image.ImageOrder;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.query.Question;
import java.util.UUID;

/**
 * Which images of the gallery may the viewer see, newest first in this {@code order}: on this page (1-based), or,
 * when {@code after} is set, the {@code limit} images after that key? {@code status} narrows the owner's list to one
 * status (null: all); other viewers only ever see published images. {@code tag} (as kept, or null) narrows it to the
 * images carrying that tag.
 */
public record FindGalleryImages(
        UUID galleryId,
        Actor viewer,
        ImageStatus status,
        String tag,
        ImageOrder order,
        int page,
        int limit,
        ImageKey after)
        implements Question<ImagePage> {

    public static FindGalleryImages page(UUID galleryId, Actor viewer, ImageStatus status, int page, int limit) {
        return new FindGalleryImages(galleryId, viewer, status, null, ImageOrder.UPLOADED, page, limit, null);
    }

    @Override
    public Class<ImagePage> answerType() {
        return ImagePage.class;
    }
}
