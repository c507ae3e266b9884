package dev.vitrine.api.gallery.query;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.query.Question;
import java.util.UUID;

/**
 * Which gallery is this, as the viewer may see it? Answers nothing when the gallery does not exist for the viewer.
 * {@code atLeastVersion} asks the answer to include the gallery's own event of that sequence number
 * (read-your-writes after a command); -1 takes whatever the projection has.
 */
public record FindGallery(UUID galleryId, Actor viewer, long atLeastVersion) implements Question<GalleryView> {

    public static FindGallery now(UUID galleryId, Actor viewer) {
        return new FindGallery(galleryId, viewer, -1);
    }

    @Override
    public Class<GalleryView> answerType() {
        return GalleryView.class;
    }
}
