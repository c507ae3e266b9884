package dev.vitrine.api.sharing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a share link stands: it opens its gallery only while {@code active}. */
public enum ShareLinkStatus {
    ACTIVE,
    EXPIRED,
    REVOKED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
