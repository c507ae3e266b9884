package dev.vitrine.query.projection;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Where a read model's rows are kept between batches. */
interface RowStore {

    /** The rows of those galleries that exist. */
    Map<UUID, GalleryRow> galleries(Collection<UUID> ids);

    /** The rows of those images that exist. */
    Map<UUID, ImageRow> images(Collection<UUID> ids);

    /** Writes changed rows whole and adds the changes to the runs of positions. */
    void save(Collection<GalleryRow> galleries, Collection<ImageRow> images, Map<BucketKey, Integer> buckets);
}
