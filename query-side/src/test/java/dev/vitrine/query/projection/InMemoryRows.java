package dev.vitrine.query.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A row store in memory, for specifying the fold without a database. */
final class InMemoryRows implements RowStore {

    final Map<UUID, GalleryRow> galleries = new HashMap<>();
    final Map<UUID, ImageRow> images = new HashMap<>();
    final Map<BucketKey, Integer> buckets = new HashMap<>();

    @Override
    public Map<UUID, GalleryRow> galleries(Collection<UUID> ids) {
        Map<UUID, GalleryRow> found = new HashMap<>();
        ids.stream()
                .filter(galleries::containsKey)
                .forEach(id -> found.put(id, galleries.get(id).copy()));
        return found;
    }

    @Override
    public Map<UUID, ImageRow> images(Collection<UUID> ids) {
        Map<UUID, ImageRow> found = new HashMap<>();
        ids.stream()
                .filter(images::containsKey)
                .forEach(id -> found.put(id, images.get(id).copy()));
        return found;
    }

    @Override
    public void save(
            Collection<GalleryRow> changedGalleries,
            Collection<ImageRow> changedImages,
            Map<BucketKey, Integer> bucketChanges) {
        changedGalleries.forEach(gallery -> galleries.put(gallery.id, gallery.copy()));
        changedImages.forEach(image -> images.put(image.id, image.copy()));
        bucketChanges.forEach((key, by) -> buckets.merge(key, by, Integer::sum));
    }

    int bucket(UUID galleryId, ImageList list, long bucket) {
        return buckets.getOrDefault(new BucketKey(galleryId, list, bucket), 0);
    }
}
