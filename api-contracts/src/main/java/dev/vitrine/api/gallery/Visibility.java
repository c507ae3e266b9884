package dev.vitrine.api.gallery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Public galleries are listed to everyone; unlisted ones are readable by anyone who has the id but listed only
 * to their owner; private ones exist only for their owner (everyone else gets 404).
 */
public enum Visibility {
    @JsonProperty("public")
    PUBLIC,
    @JsonProperty("unlisted")
    UNLISTED,
    @JsonProperty("private")
    PRIVATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Visibility fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
