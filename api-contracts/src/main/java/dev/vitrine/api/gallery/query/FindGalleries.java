package dev.vitrine.api.gallery.query;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.paging.Cursor;
import dev.vitrine.api.query.Question;

/** Which galleries may the viewer browse: public ones and the viewer's own, newest first. */
public record FindGalleries(Actor viewer, Cursor after, int limit) implements Question<GalleryPage> {

    @Override
    public Class<GalleryPage> answerType() {
        return GalleryPage.class;
    }
}
