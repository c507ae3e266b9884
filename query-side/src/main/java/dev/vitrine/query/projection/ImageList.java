package dev.vitrine.query.projection;

import dev.vitrine.api.image.ImageStatus;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two lists a gallery shows of its images: what its owner sees (every image that was confirmed and is not
 * deleted, whatever became of its processing) and what everyone sees (published images).
 */
public enum ImageList {
    SEEN("seen", ImageStatus.OF_AN_IMAGE),
    PUBLISHED("published", Set.of(ImageStatus.PUBLISHED));

    /** Positions are counted in runs of this many, so that a deep page is found without reading all before it. */
    public static final int BUCKET_SIZE = 1024;

    private final String wireName;
    private final Set<ImageStatus> statuses;

    ImageList(String wireName, Set<ImageStatus> statuses) {
        this.wireName = wireName;
        this.statuses = statuses;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The SQL condition on an {@code image_view} row (deleted ones excluded). It is the predicate of the list's
     * partial index (V8), so the index serves it.
     */
    public String condition() {
        return statuses.size() == 1
                ? "status = '" + statuses.iterator().next().wireName() + "' AND NOT deleted"
                : statuses.stream()
                                .sorted()
                                .map(status -> "'" + status.wireName() + "'")
                                .collect(Collectors.joining(", ", "status IN (", ")"))
                        + " AND NOT deleted";
    }

    /** The SQL condition of an image list narrowed to one status. */
    public static String condition(ImageStatus status) {
        return "status = '" + status.wireName() + "' AND NOT deleted";
    }

    boolean contains(ImageRow image) {
        return image != null && !image.deleted && image.position != null && statuses.contains(image.status);
    }
}
