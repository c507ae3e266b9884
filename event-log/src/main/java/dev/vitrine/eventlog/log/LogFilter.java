package dev.vitrine.eventlog.log;

import dev.vitrine.api.identity.Actor;
import java.util.Set;
import java.util.UUID;

/**
 * Which public events a reader wants and may have: some types (or all), one gallery (or all), and only what the
 * reader is allowed to receive.
 */
public record LogFilter(Set<String> types, UUID galleryId, Actor reader) {

    public static LogFilter everything(Actor reader) {
        return new LogFilter(Set.of(), null, reader);
    }

    boolean wantsAllTypes() {
        return types == null || types.isEmpty();
    }
}
