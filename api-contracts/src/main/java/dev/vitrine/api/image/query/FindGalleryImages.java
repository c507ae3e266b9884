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
 * images carrying that tag. The variants' URLs start with {@code origin}
 * ({@link dev.vitrine.api.operations.PublicAddress#origin}).
 */
public record FindGalleryImages(
        UUID galleryId,
        Actor viewer,
        ImageStatus status,
        String tag,
        ImageOrder order,
        int page,
        int limit,
        ImageKey after,
        String origin)
        implements Question<ImagePage> {

    @Override
    public Class<ImagePage> answerType() {
        return ImagePage.class;
    }
}
