package dev.vitrine.command.gallery;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.identity.Actor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The galleries a test of an aggregate that lives in galleries knows of, with their members, answering as the
 * gallery lookup does (the asking actor's membership only).
 */
public class KnownGalleries implements GalleryAccess {

    private final Map<UUID, GalleryManagement> galleries = new HashMap<>();

    public KnownGalleries with(UUID galleryId, UUID ownerId) {
        galleries.put(galleryId, new GalleryManagement(galleryId, ownerId, false, Map.of()));
        return this;
    }

    public KnownGalleries withMember(UUID galleryId, UUID memberId, GalleryRole role) {
        galleries.computeIfPresent(galleryId, (id, gallery) -> {
            Map<UUID, GalleryRole> members = new HashMap<>(gallery.members());
            members.put(memberId, role);
            return new GalleryManagement(id, gallery.ownerId(), gallery.deleted(), Map.copyOf(members));
        });
        return this;
    }

    public void delete(UUID galleryId) {
        galleries.computeIfPresent(
                galleryId, (id, gallery) -> new GalleryManagement(id, gallery.ownerId(), true, gallery.members()));
    }

    @Override
    public GalleryManagement of(UUID galleryId, Actor asking) {
        GalleryManagement gallery = galleries.get(galleryId);
        if (gallery == null) {
            throw new RejectedException(ErrorCode.GALLERY_NOT_FOUND, "galleryId", "no gallery " + galleryId);
        }
        GalleryRole role = asking.isAnonymous() ? null : gallery.members().get(asking.userId());
        return new GalleryManagement(
                galleryId,
                gallery.ownerId(),
                gallery.deleted(),
                role == null ? Map.of() : Map.of(asking.userId(), role));
    }

    @Override
    public List<UUID> ownedBy(UUID ownerId) {
        return galleries.values().stream()
                .filter(gallery -> gallery.ownerId().equals(ownerId) && !gallery.deleted())
                .map(GalleryManagement::galleryId)
                .toList();
    }
}
