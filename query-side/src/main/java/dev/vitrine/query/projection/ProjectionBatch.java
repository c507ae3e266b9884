package dev.vitrine.query.projection;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.ImageEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The read model's rows touched by one batch of events: loaded together before the first event, changed in memory
 * event by event, written together when the batch commits. An event that fails leaves no trace in the batch.
 */
final class ProjectionBatch implements Rows {

    private final RowStore store;
    private final Set<UUID> loaded = new HashSet<>();
    private final Map<UUID, GalleryRow> galleries = new HashMap<>();
    private final Map<UUID, ImageRow> images = new HashMap<>();
    private final Map<UUID, GalleryRow> changedGalleries = new LinkedHashMap<>();
    private final Map<UUID, ImageRow> changedImages = new LinkedHashMap<>();
    private final Map<BucketKey, Integer> bucketChanges = new HashMap<>();
    private final Map<UUID, GalleryRow> stagedGalleries = new HashMap<>();
    private final Map<UUID, ImageRow> stagedImages = new HashMap<>();
    private final Map<BucketKey, Integer> stagedBuckets = new HashMap<>();

    private Collection<? extends GalleryEvent> upcoming;
    private RuntimeException failure;

    ProjectionBatch(RowStore store) {
        this(store, List.of());
    }

    /** @param upcoming the batch's events, whose rows are loaded together before the first is applied */
    ProjectionBatch(RowStore store, Collection<? extends GalleryEvent> upcoming) {
        this.store = store;
        this.upcoming = upcoming;
    }

    /** The database failed: the batch must not commit (it is tried again as a whole). */
    void fail(RuntimeException failure) {
        if (this.failure == null) {
            this.failure = failure;
        }
    }

    /** Loads, in one query per table, every row these events will touch. */
    void prefetch(Collection<? extends GalleryEvent> events) {
        Set<UUID> galleryIds = new HashSet<>();
        Set<UUID> imageIds = new HashSet<>();
        for (GalleryEvent event : events) {
            galleryIds.add(event.galleryId());
            if (event instanceof ImageEvent imageEvent) {
                imageIds.add(imageEvent.imageId());
            }
        }
        load(galleryIds, imageIds);
    }

    void apply(GalleryEvent event, EventPosition at) {
        if (!upcoming.isEmpty()) {
            Collection<? extends GalleryEvent> events = upcoming;
            upcoming = List.of();
            prefetch(events);
        }
        if (!loaded.contains(event.galleryId()) || event instanceof ImageEvent i && !loaded.contains(i.imageId())) {
            prefetch(List.of(event));
        }
        try {
            ReadModelFold.apply(event, at, this);
            stagedGalleries.values().forEach(gallery -> {
                galleries.put(gallery.id, gallery);
                changedGalleries.put(gallery.id, gallery);
            });
            stagedImages.values().forEach(image -> {
                images.put(image.id, image);
                changedImages.put(image.id, image);
            });
            stagedBuckets.forEach((key, by) -> bucketChanges.merge(key, by, Integer::sum));
        } finally {
            stagedGalleries.clear();
            stagedImages.clear();
            stagedBuckets.clear();
        }
    }

    /** Writes every changed row; answers what changed, for those who wait on or cache the read model. */
    ReadModelChange flush() {
        if (failure != null) {
            throw failure;
        }
        store.save(changedGalleries.values(), changedImages.values(), bucketChanges);
        Set<UUID> galleryIds = new HashSet<>(changedGalleries.keySet());
        changedImages.values().forEach(image -> galleryIds.add(image.galleryId));
        Set<UUID> rows = new HashSet<>(changedGalleries.keySet());
        rows.addAll(changedImages.keySet());
        return new ReadModelChange(galleryIds, rows, !changedGalleries.isEmpty());
    }

    @Override
    public GalleryRow gallery(UUID id) {
        GalleryRow staged = stagedGalleries.get(id);
        return staged != null ? staged : galleries.get(id);
    }

    @Override
    public ImageRow image(UUID id) {
        ImageRow staged = stagedImages.get(id);
        return staged != null ? staged : images.get(id);
    }

    @Override
    public void put(GalleryRow gallery) {
        stagedGalleries.put(gallery.id, gallery);
    }

    @Override
    public void put(ImageRow image) {
        ImageRow before = image(image.id);
        for (ImageList list : ImageList.values()) {
            boolean was = list.contains(before);
            boolean is = list.contains(image);
            if (was != is) {
                int by = is ? 1 : -1;
                GalleryRow gallery = gallery(image.galleryId).copy();
                gallery.adjust(list, by);
                gallery.lastEventIndex = image.lastEventIndex;
                put(gallery);
                stagedBuckets.merge(
                        new BucketKey(image.galleryId, list, (is ? image : before).bucket()), by, Integer::sum);
            }
        }
        stagedImages.put(image.id, image);
    }

    private void load(Set<UUID> galleryIds, Set<UUID> imageIds) {
        galleryIds.removeAll(loaded);
        imageIds.removeAll(loaded);
        if (!galleryIds.isEmpty()) {
            galleries.putAll(store.galleries(galleryIds));
            loaded.addAll(galleryIds);
        }
        if (!imageIds.isEmpty()) {
            images.putAll(store.images(imageIds));
            loaded.addAll(imageIds);
        }
    }
}
