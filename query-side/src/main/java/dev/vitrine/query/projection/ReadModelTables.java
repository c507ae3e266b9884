package dev.vitrine.query.projection;

import java.util.List;

/**
 * The tables one read model is written to. The live read model is what the API reads; a rebuild writes a second
 * set beside it and swaps the two when it has caught up.
 */
public record ReadModelTables(String galleries, String images, String buckets, String imageSearch) {

    public static final ReadModelTables LIVE =
            new ReadModelTables("gallery_view", "image_view", "image_bucket", "image_search");

    /** The live tables' names with {@code suffix}, e.g. {@code image_view_next}. */
    public static ReadModelTables suffixed(String suffix) {
        return new ReadModelTables(
                LIVE.galleries + suffix, LIVE.images + suffix, LIVE.buckets + suffix, LIVE.imageSearch + suffix);
    }

    public List<String> all() {
        return List.of(galleries, images, buckets, imageSearch);
    }
}
