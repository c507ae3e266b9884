package dev.vitrine.api.gallery.query;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.query.Question;
import java.util.UUID;

/**
 * Who are the members of this gallery? Its owner and its members may know; to anyone else who may see the gallery
 * the answer is {@code forbidden}, and to whoever may not it does not exist.
 */
public record FindGalleryMembers(UUID galleryId, Actor viewer) implements Question<GalleryMembers> {

    @Override
    public Class<GalleryMembers> answerType() {
        return GalleryMembers.class;
    }
}
