package dev.vitrine.eventlog.log;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.ImageEvent;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.GalleryVisibilityChanged;
import dev.vitrine.api.gallery.event.MemberAdded;
import dev.vitrine.api.gallery.event.MemberRemoved;
import dev.vitrine.api.gallery.event.MemberRoleChanged;
import dev.vitrine.api.sharing.event.ShareLinkCreated;
import dev.vitrine.api.sharing.event.ShareLinkExpired;
import dev.vitrine.api.sharing.event.ShareLinkOpened;
import dev.vitrine.api.sharing.event.ShareLinkRevoked;
import java.util.UUID;

/**
 * Who owns a gallery and who may see it, as of the events logged so far, and so who each next event of it is for.
 * The gallery's visitors see what its public pages show: the gallery while it is public, an image from its
 * publication on. Anything of a gallery the log has not seen created is kept to auditors (it cannot tell).
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
     * Whether everyone may see the gallery: public, not deleted, and known to the log. Stored with the audience
     * ({@code event_log_gallery.is_public}), where the readers of the log ask it.
     */
    boolean isPublic() {
        return ownerId != null && visibility == Visibility.PUBLIC && !deleted;
    }

    /**
     * Who {@code event}, happening to a gallery with this audience, is for.
     *
     * <ul>
     *   <li>A change of visibility to or from public, and the deletion of a public gallery, are news for everyone,
     *       for good: a CDN must purge what the gallery showed.
     *   <li>Anything else of a public gallery is for its visitors: everyone, for as long as the gallery stays public.
     *   <li>An image's events before its publication (the upload with its file name, a rejection, the variants
     *       made for the publication) are its owner's, and stay so once it is published: visitors never saw them
     *       happen, and a reader who went past their position must not find them there later.
     * </ul>
     *
     * @param after          the gallery's audience after the event
     * @param imagePublished for an image's event, whether the image is published by it or was before it (not asked
     *                       of the gallery's own events)
     */
    Reach reach(GalleryEvent event, GalleryAudience after, boolean imagePublished) {
        return switch (event) {
            case GalleryVisibilityChanged ignored -> isPublic() || after.isPublic() ? Reach.EVERYONE : Reach.OWNER;
            case GalleryDeleted ignored -> isPublic() ? Reach.EVERYONE : Reach.OWNER;
            case ImageEvent ignored when !imagePublished -> Reach.OWNER;
            // who shares with whom is the owner's business, whatever the gallery shows
            case MemberAdded ignored -> Reach.OWNER;
            case MemberRoleChanged ignored -> Reach.OWNER;
            case MemberRemoved ignored -> Reach.OWNER;
            case ShareLinkCreated ignored -> Reach.OWNER;
            case ShareLinkRevoked ignored -> Reach.OWNER;
            case ShareLinkExpired ignored -> Reach.OWNER;
            case ShareLinkOpened ignored -> Reach.OWNER;
            default -> after.isPublic() ? Reach.VISITORS : Reach.OWNER;
        };
    }
}
