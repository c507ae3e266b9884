package dev.vitrine.api.image.query;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.query.Question;
import java.util.UUID;

/** Which tags do the images the viewer sees in the gallery carry, and how many of each? */
public record FindGalleryTags(UUID galleryId, Actor viewer) implements Question<GalleryTags> {

    @Override
    public Class<GalleryTags> answerType() {
        return GalleryTags.class;
    }
}
