package dev.vitrine.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where a rebuild of the read model stands: the stages it goes through, and how it ends. */
public enum RebuildState {
    /** The events are replayed into tables beside the live ones. */
    @JsonProperty("replaying")
    REPLAYING,
    /** The rebuilt tables are compared with the live ones. */
    @JsonProperty("comparing")
    COMPARING,
    /** The rebuilt tables replace the live ones. */
    @JsonProperty("swapping")
    SWAPPING,
    @JsonProperty("finished")
    FINISHED,
    @JsonProperty("failed")
    FAILED;

    public boolean isOver() {
        return this == FINISHED || this == FAILED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RebuildState fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
