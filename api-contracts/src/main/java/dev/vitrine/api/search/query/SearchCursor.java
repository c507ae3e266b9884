package dev.vitrine.api.search.query;

import dev.vitrine.api.error.RejectedException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where a page of matching images ended: the last one's score, upload time and id (results are ordered by all
 * three). Written as {@code <score>~<epoch micros>~<id>}; anything else is refused as a 400 naming {@code cursor}.
 */
public record SearchCursor(float score, Instant uploadedAt, UUID id) {

    public static final String PARAMETER = "cursor";

    public String format() {
        return score + "~" + ChronoUnit.MICROS.between(Instant.EPOCH, uploadedAt) + "~" + id;
    }

    /** The cursor a client sent back; null when none was. */
    public static SearchCursor parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String[] parts = cursor.split("~", -1);
        try {
            if (parts.length == 3) {
                float score = Float.parseFloat(parts[0]);
                if (Float.isFinite(score)) {
                    return new SearchCursor(
                            score,
                            Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS),
                            UUID.fromString(parts[2]));
                }
            }
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException unreadable) {
            // refused below
        }
        throw RejectedException.invalid(PARAMETER, "is not a cursor this search gave");
    }
}
