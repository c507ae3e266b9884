package dev.vitrine.command.gallery;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.identity.Actor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The galleries a test of an aggregate that lives in galleries knows of, answering as the gallery lookup does, with the gallery's own rule. */
public class KnownGalleries implements GalleryAccess {

    private final Map<UUID, GalleryManagement> galleries = new HashMap<>();

    public KnownGalleries with(UUID galleryId, UUID ownerId) {
        galleries.put(galleryId, new GalleryManagement(galleryId, ownerId, false));
        return this;
    }

    public void delete(UUID galleryId) {
        galleries.computeIfPresent(galleryId, (id, gallery) -> new GalleryManagement(id, gallery.ownerId(), true));
    }

    @Override
    public UUID requireManagedBy(UUID galleryId, Actor actor) {
        GalleryManagement gallery = galleries.get(galleryId);
        if (gallery == null) {
            throw new RejectedException(ErrorCode.GALLERY_NOT_FOUND, "galleryId", "no gallery " + galleryId);
        }
        gallery.requireManagedBy(actor);
        return gallery.ownerId();
    }

    @Override
    public List<UUID> ownedBy(UUID ownerId) {
        return galleries.values().stream()
                .filter(gallery -> gallery.ownerId().equals(ownerId) && !gallery.deleted())
                .map(GalleryManagement::galleryId)
                .toList();
    }
}
