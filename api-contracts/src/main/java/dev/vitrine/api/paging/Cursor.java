package dev.vitrine.api.paging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * A keyset position in a newest-first list: the (createdAt, id) of the last item seen.
 * On the wire it is the seed's {@code {createdAt}_{id}}, e.g. {@code 2026-11-24T10:15:30.123456Z_0b5c…}.
 */
public record Cursor(Instant createdAt, UUID id) {

    public static Optional<Cursor> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int separator = text.lastIndexOf('_');
        if (separator <= 0) {
            throw new IllegalArgumentException("cursor must look like {createdAt}_{id}");
        }
        try {
            return Optional.of(new Cursor(
                    Instant.parse(text.substring(0, separator)), UUID.fromString(text.substring(separator + 1))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor must look like {createdAt}_{id}", e);
        }
    }

    public String format() {
        return createdAt + "_" + id;
    }
}
