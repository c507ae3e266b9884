package dev.vitrine.query.projection;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Where a read model's rows are kept between batches. */
interface RowStore {

    /** The rows of those galleries that exist. */
    Map<UUID, GalleryState> galleries(Collection<UUID> ids);

    /** The rows of those images that exist. */
    Map<UUID, ImageState> images(Collection<UUID> ids);

    /** Writes changed rows whole and adds the changes to the runs of positions. */
    void save(Collection<GalleryState> galleries, Collection<ImageState> images, Map<BucketKey, Integer> buckets);
}
