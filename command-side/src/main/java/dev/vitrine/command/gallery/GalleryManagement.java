package dev.vitrine.command.gallery;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.identity.Actor;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Who may change a gallery and what is in it, while it is not deleted: what each {@link GalleryRole} allows, asked
 * of the gallery's owner and members. The Gallery aggregate applies it to its own state, and the lookup that image
 * and share-link commands ask applies it to the same facts kept beside the events ({@code members} then holds the
 * asking actor's membership only: the others do not matter to the answer).
 */
public record GalleryManagement(UUID galleryId, UUID ownerId, boolean deleted, Map<UUID, GalleryRole> members) {

    /** Visibility, deletion and members: the owner's (or an administrator's). */
    public void requireOwnedBy(Actor actor) {
        require(actor, GalleryRole::mayManageMembers, "only the gallery's owner (or an administrator) may do this");
    }

    /** Name, description, cover and share links: editors too. */
    public void requireEditableBy(Actor actor) {
        require(actor, GalleryRole::mayEditGallery, "only the gallery's owner or an editor may do this");
    }

    /** Uploads: contributors too. */
    public void requireUploadBy(Actor actor) {
        require(actor, GalleryRole::mayUpload, "only the gallery's owner, its editors and contributors may upload");
    }

    /** An image's alt text, reprocessing and deletion: editors, and a contributor for an image they uploaded. */
    public void requireImageChangeableBy(Actor actor, UUID uploaderId) {
        require(
                actor,
                role -> role.mayChangeImage(actor, uploaderId),
                "only the gallery's owner, its editors and the image's uploader may do this");
    }

    public GalleryRole roleOf(Actor actor) {
        return GalleryRole.of(actor, ownerId, members);
    }

    public void requireLive() {
        if (deleted) {
            throw RejectedException.of(ErrorCode.GALLERY_DELETED, "gallery " + galleryId + " has been deleted");
        }
    }

    private void require(Actor actor, Predicate<GalleryRole> allowed, String otherwise) {
        requireLive();
        GalleryRole role = roleOf(actor);
        if (role == null || !allowed.test(role)) {
            throw RejectedException.forbidden(otherwise);
        }
    }
}
