package dev.vitrine.command.gallery;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.identity.Actor;
import java.util.UUID;

/**
 * Who may change a gallery and what is in it: its owner or an administrator, while it is not deleted. The one
 * statement of the rule: the Gallery aggregate applies it to its own state, and the lookup image commands ask
 * applies it to the same facts kept beside the events.
 */
public record GalleryManagement(UUID galleryId, UUID ownerId, boolean deleted) {

    /** Passes when the actor may manage the gallery now; otherwise throws the rejection that says why not. */
    public void requireManagedBy(Actor actor) {
        if (deleted) {
            throw RejectedException.of(ErrorCode.GALLERY_DELETED, "gallery " + galleryId + " has been deleted");
        }
        if (!actor.mayManage(ownerId)) {
            throw RejectedException.forbidden("only the gallery's owner (or an administrator) may do this");
        }
    }
}
