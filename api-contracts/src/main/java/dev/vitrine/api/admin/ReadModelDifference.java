package dev.vitrine.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One row on which a rebuilt read model and the live one disagree.
 *
 * @param kind    what kind of disagreement it is
 * @param columns the columns that differ (for "differs")
 */
public record ReadModelDifference(
        String table,
        String key,
        Kind kind,
        List<String> columns,
        Map<String, Object> live,
        Map<String, Object> rebuilt) {

    public enum Kind {
        @JsonProperty("missing-in-rebuilt")
        MISSING_IN_REBUILT,
        @JsonProperty("missing-in-live")
        MISSING_IN_LIVE,
        /** In both, with different values in {@code columns}. */
        @JsonProperty("differs")
        DIFFERS
    }
}
