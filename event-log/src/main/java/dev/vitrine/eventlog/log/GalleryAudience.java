package dev.vitrine.eventlog.log;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.GalleryVisibilityChanged;
import java.util.UUID;

/**
 * Who owns a gallery and who may see it, as of the events logged so far. An event of a gallery that is not public
 * when it happens is restricted; so is anything of a gallery the log has not seen created (it cannot tell).
 */
record GalleryAudience(UUID galleryId, UUID ownerId, Visibility visibility, boolean deleted) {

    static GalleryAudience unknown(UUID galleryId) {
        return new GalleryAudience(galleryId, null, Visibility.PRIVATE, false);
    }

    /** The audience after {@code event}. */
    GalleryAudience after(GalleryEvent event) {
        return switch (event) {
            case GalleryCreated created ->
                new GalleryAudience(galleryId, created.ownerId(), created.visibility(), false);
            case GalleryVisibilityChanged changed ->
                new GalleryAudience(galleryId, ownerId, changed.visibility(), deleted);
            case GalleryDeleted ignored -> new GalleryAudience(galleryId, ownerId, visibility, true);
            default -> this;
        };
    }

    /**
     * Whether {@code event}, happening to a gallery with this audience, is for the owner's eyes only. A change of
     * visibility to or from public is news for everyone (a CDN must purge a gallery that stopped being public).
     */
    boolean restricts(GalleryEvent event, GalleryAudience after) {
        if (event instanceof GalleryVisibilityChanged) {
            return visibility != Visibility.PUBLIC && after.visibility != Visibility.PUBLIC;
        }
        return after.visibility != Visibility.PUBLIC || after.ownerId == null;
    }
}
