package dev.vitrine.command.gallery;

import dev.vitrine.api.identity.Actor;
import java.util.List;
import java.util.UUID;

/**
 * The gallery's say on what lives in it, for the commands of images and share links, which never load the Gallery
 * aggregate: whether it still exists and who may manage what is in it ({@link GalleryManagement}).
 */
public interface GalleryAccess {

    /**
     * Passes when the gallery exists, is not deleted and the actor may manage it; answers the gallery's owner.
     * Otherwise throws the rejection the gallery itself would give ({@code gallery_not_found} naming
     * {@code galleryId} when there is no such gallery).
     */
    UUID requireManagedBy(UUID galleryId, Actor actor);

    /** The galleries an account owns and has not deleted (for deleting them with the account). */
    List<UUID> ownedBy(UUID ownerId);
}
