package dev.vitrine.api.sharing.query;

import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.query.Question;
import java.util.UUID;

/**
 * The gallery a live share link opens, whatever its visibility (the link was checked before asking); nothing once
 * the gallery is deleted.
 */
public record FindSharedGallery(UUID galleryId) implements Question<GalleryView> {

    @Override
    public Class<GalleryView> answerType() {
        return GalleryView.class;
    }
}
