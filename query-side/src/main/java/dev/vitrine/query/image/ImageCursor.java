package dev.vitrine.query.image;

import dev.vitrine.api.error.RejectedException;

/**
 * The cursor of an image list: the position of the last image seen. Positions only grow, so images added while a
 * client pages are never met again and deleted ones simply drop out: each image is seen exactly once.
 */
final class ImageCursor {

    private ImageCursor() {}

    static String format(long position) {
        return Long.toString(position);
    }

    static Long parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            long position = Long.parseLong(cursor);
            if (position > 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RejectedException.invalid(
                "invalid_field", "cursor", "cursor must be the pagination.cursor of an earlier page");
    }
}
