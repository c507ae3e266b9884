package dev.vitrine.api.gallery.query;

import dev.vitrine.api.gallery.GalleryScope;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.paging.Cursor;
import dev.vitrine.api.query.Question;

/**
 * Which galleries of the scope may the viewer browse, newest first: public ones and the viewer's own, or those shared
 * with the viewer.
 */
public record FindGalleries(Actor viewer, GalleryScope scope, Cursor after, int limit)
        implements Question<GalleryPage> {

    @Override
    public Class<GalleryPage> answerType() {
        return GalleryPage.class;
    }
}
