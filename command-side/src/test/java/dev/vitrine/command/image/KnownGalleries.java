package dev.vitrine.command.image;

import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.error.Rejection;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.command.gallery.GalleryAccess;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The galleries an Image test knows of, answering as the Gallery aggregate does. */
class KnownGalleries implements GalleryAccess {

    private final Map<UUID, UUID> ownerByGallery = new HashMap<>();
    private final Set<UUID> deleted = new HashSet<>();

    KnownGalleries with(UUID galleryId, UUID ownerId) {
        ownerByGallery.put(galleryId, ownerId);
        return this;
    }

    void delete(UUID galleryId) {
        deleted.add(galleryId);
    }

    @Override
    public UUID requireImagesManagedBy(UUID galleryId, Actor actor) {
        UUID owner = ownerByGallery.get(galleryId);
        if (owner == null) {
            throw new RejectedException(Rejection.NOT_FOUND, "gallery_not_found", "galleryId", "no gallery");
        }
        if (deleted.contains(galleryId)) {
            throw RejectedException.gone("gallery_deleted", "deleted");
        }
        if (!actor.mayManage(owner)) {
            throw RejectedException.forbidden("not yours");
        }
        return owner;
    }
}
