package dev.vitrine.query.web;

import dev.vitrine.api.error.RejectedException;

/**
 * The cursor of an image list: the position of the last image seen. Positions only grow, so images added while a
 * client pages are never met again and deleted ones simply drop out: each image is seen exactly once.
 */
public final class ImageCursor {

    private ImageCursor() {}

    public static String format(long position) {
        return Long.toString(position);
    }

    /** The position a cursor stands for; null without one. Refuses a cursor that is no position. */
    public static Long parse(String cursor) {
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
        throw RejectedException.invalid("cursor", "cursor must be the pagination.cursor of an earlier page");
    }
}
