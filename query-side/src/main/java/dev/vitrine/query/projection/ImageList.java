package dev.vitrine.query.projection;

import java.util.Set;

/**
 * The two lists a gallery shows of its images: what its owner sees (every image that was confirmed and is not
 * deleted, whatever became of its processing) and what everyone sees (published images).
 */
public enum ImageList {
    SEEN("seen", Set.of("processing", "published", "rejected", "stalled")),
    PUBLISHED("published", Set.of("published"));

    /** Positions are counted in runs of this many, so that a deep page is found without reading all before it. */
    public static final int BUCKET_SIZE = 1024;

    private final String wireName;
    private final Set<String> statuses;

    ImageList(String wireName, Set<String> statuses) {
        this.wireName = wireName;
        this.statuses = statuses;
    }

    public String wireName() {
        return wireName;
    }

    /** The SQL condition on an {@code image_view} row (deleted ones excluded). */
    public String condition() {
        return this == PUBLISHED
                ? "status = 'published' AND NOT deleted"
                : "status IN ('processing', 'published', 'rejected', 'stalled') AND NOT deleted";
    }

    boolean contains(ImageState image) {
        return image != null && !image.deleted && image.position != null && statuses.contains(image.status);
    }
}
