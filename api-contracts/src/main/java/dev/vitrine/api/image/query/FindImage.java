package dev.vitrine.api.image.query;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.query.Question;
import java.util.UUID;

/**
 * Which image is this, as the viewer may see it? {@code atLeastVersion} works as in
 * {@link dev.vitrine.api.gallery.query.FindGallery}; its variants' URLs start with {@code origin}
 * ({@link dev.vitrine.api.operations.PublicAddress#origin}).
 */
public record FindImage(UUID galleryId, UUID imageId, Actor viewer, long atLeastVersion, String origin)
        implements Question<ImageView> {

    public static FindImage now(UUID galleryId, UUID imageId, Actor viewer, String origin) {
        return new FindImage(galleryId, imageId, viewer, -1, origin);
    }

    @Override
    public Class<ImageView> answerType() {
        return ImageView.class;
    }
}
