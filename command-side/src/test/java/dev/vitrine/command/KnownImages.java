package dev.vitrine.command;

import dev.vitrine.command.gallery.GalleryImages;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The images an aggregate test knows of: which gallery each is in and what bytes it holds. */
public class KnownImages implements GalleryImages {

    private record Known(UUID galleryId, String sha256) {}

    private final Map<UUID, Known> images = new HashMap<>();

    public KnownImages with(UUID imageId, UUID galleryId, String sha256) {
        images.put(imageId, new Known(galleryId, sha256));
        return this;
    }

    @Override
    public boolean holds(UUID galleryId, UUID imageId) {
        Known known = images.get(imageId);
        return known != null && known.galleryId().equals(galleryId);
    }

    @Override
    public Optional<UUID> duplicateOf(UUID galleryId, String sha256, UUID imageId) {
        return images.entrySet().stream()
                .filter(e -> !e.getKey().equals(imageId)
                        && e.getValue().galleryId().equals(galleryId)
                        && e.getValue().sha256().equals(sha256))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
