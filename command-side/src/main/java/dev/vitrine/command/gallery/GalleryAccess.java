package dev.vitrine.command.gallery;

import dev.vitrine.api.identity.Actor;
import java.util.UUID;

/** The gallery's say on its images: whether it still exists and who may manage what is in it. */
public interface GalleryAccess {

    /**
     * Passes when the gallery exists, is not deleted and the actor may manage it; answers the gallery's owner.
     * Otherwise throws the rejection the gallery itself would give.
     */
    UUID requireImagesManagedBy(UUID galleryId, Actor actor);
}
