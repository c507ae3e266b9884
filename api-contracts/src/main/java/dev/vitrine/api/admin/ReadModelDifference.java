package dev.vitrine.api.admin;

import java.util.List;
import java.util.Map;

/**
 * One row on which a rebuilt read model and the live one disagree.
 *
 * @param kind    missing-in-rebuilt, missing-in-live or differs
 * @param columns the columns that differ (for "differs")
 */
public record ReadModelDifference(
        String table,
        String key,
        String kind,
        List<String> columns,
        Map<String, Object> live,
        Map<String, Object> rebuilt) {}
