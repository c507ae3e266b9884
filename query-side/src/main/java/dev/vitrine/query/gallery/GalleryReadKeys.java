package dev.vitrine.query.gallery;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.paging.Cursor;
import dev.vitrine.query.web.ReadScopes;
import java.util.Optional;

/** The cache keys of gallery reads: one place, whether the controller or the anonymous shortcut asks. */
public final class GalleryReadKeys {

    private GalleryReadKeys() {}

    public static String list(Actor viewer, Optional<Cursor> after, int limit) {
        return ReadScopes.key(viewer, "galleries", after.map(Cursor::format).orElse(null), limit);
    }

    public static String gallery(Actor viewer) {
        return ReadScopes.key(viewer, "gallery");
    }
}
