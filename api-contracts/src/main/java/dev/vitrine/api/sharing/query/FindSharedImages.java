package dev.vitrine.api.sharing.query;

import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.query.Question;
import java.util.UUID;

/**
 * The published images of the gallery a live share link opens, newest first, {@code limit} after the cursor
 * position {@code after} (null: from the first). Their variants are served under {@code mediaBase} (the absolute URL
 * of the link's own media route, which checks the link on every request), never at the gallery's own URLs.
 */
public record FindSharedImages(UUID galleryId, String mediaBase, int limit, Long after) implements Question<ImagePage> {

    @Override
    public Class<ImagePage> answerType() {
        return ImagePage.class;
    }
}
