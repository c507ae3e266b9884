package dev.vitrine.api.gallery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Which galleries a listing holds. */
public enum GalleryScope {
    /** Public galleries and the viewer's own. */
    @JsonProperty("all")
    ALL,
    /** The galleries others made the viewer a member of, whatever their visibility. */
    @JsonProperty("shared")
    SHARED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope a query parameter names; absent: {@link #ALL}. */
    public static GalleryScope fromWireName(String value) {
        return value == null ? ALL : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
