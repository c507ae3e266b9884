package dev.vitrine.query.web;

import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.image.ImageOrder;
import dev.vitrine.api.image.query.ImageKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The cursor of an image list: where the last image seen stands in the list's order. By upload, its position
 * ({@code 1234}); by when taken, the instant in microseconds and the position ({@code 1468172266000000~1234}, or
 * {@code ~1234} among the photos without a date). Positions only grow and are never reused, so images added while
 * a client pages are never met twice and deleted ones simply drop out.
 */
public final class ImageCursor {

    private static final String SEPARATOR = "~";

    private ImageCursor() {}

    public static String format(ImageOrder order, Instant takenAt, long position) {
        if (order == ImageOrder.UPLOADED) {
            return Long.toString(position);
        }
        String taken = takenAt == null ? "" : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, takenAt));
        return taken + SEPARATOR + position;
    }

    /** Where a cursor of a list in that order stands; null without one. Refuses a cursor of no such list. */
    public static ImageKey parse(String cursor, ImageOrder order) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            if (order == ImageOrder.UPLOADED) {
                return ImageKey.position(positive(Long.parseLong(cursor)));
            }
            int at = cursor.indexOf(SEPARATOR);
            if (at >= 0) {
                long position = positive(Long.parseLong(cursor.substring(at + 1)));
                Instant taken =
                        at == 0 ? null : Instant.EPOCH.plus(Long.parseLong(cursor.substring(0, at)), ChronoUnit.MICROS);
                return new ImageKey(taken, position);
            }
        } catch (RuntimeException notACursor) {
            // answered below
        }
        throw RejectedException.invalid("cursor", "cursor must be the pagination.cursor of an earlier page");
    }

    /** The position of a cursor of a list by upload; null without one. */
    public static Long parse(String cursor) {
        ImageKey key = parse(cursor, ImageOrder.UPLOADED);
        return key == null ? null : key.position();
    }

    private static long positive(long position) {
        if (position <= 0) {
            throw new IllegalArgumentException("no position");
        }
        return position;
    }
}
