package dev.vitrine.command.gallery;

import dev.vitrine.api.identity.Actor;
import java.util.List;
import java.util.UUID;

/**
 * The gallery's say on what lives in it, for the commands of images and share links, which never load the Gallery
 * aggregate: whether it still exists and what the asking actor may do in it ({@link GalleryManagement}).
 */
public interface GalleryAccess {

    /**
     * The gallery's owner, whether it is deleted and the asking actor's membership, to ask what they may do. Throws
     * {@code gallery_not_found} naming {@code galleryId} when there is no such gallery.
     */
    GalleryManagement of(UUID galleryId, Actor asking);

    /** The galleries an account owns and has not deleted (for deleting them with the account). */
    List<UUID> ownedBy(UUID ownerId);
}
