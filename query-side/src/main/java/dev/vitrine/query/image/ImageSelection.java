package dev.vitrine.query.image;

import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.query.projection.ImageList;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Which of a gallery's images a list shows: one of the two lists the read model counts (what the owner sees, what
 * everyone sees), or the owner's images of one other status; and of those, with a tag, only the images carrying it.
 */
record ImageSelection(ImageList list, ImageStatus status, String tag) {

    static ImageSelection of(ImageStatus status) {
        return of(status, null);
    }

    static ImageSelection of(ImageStatus status, String tag) {
        if (status == null) {
            return new ImageSelection(ImageList.SEEN, null, tag);
        }
        return status == ImageStatus.PUBLISHED
                ? new ImageSelection(ImageList.PUBLISHED, status, tag)
                : new ImageSelection(null, status, tag);
    }

    /** Whether the read model counts this list in runs of positions (and on the gallery's row): not with a tag. */
    boolean counted() {
        return list != null && tag == null;
    }

    /** The SQL condition; with a tag it has the parameter {@code :tag}, which {@link #bind} gives. */
    String condition() {
        String statuses = list != null ? list.condition() : ImageList.condition(status);
        return tag == null ? statuses : statuses + " AND tags @> jsonb_build_array(:tag::text)";
    }

    DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec statement) {
        return tag == null ? statement : statement.bind("tag", tag);
    }
}
