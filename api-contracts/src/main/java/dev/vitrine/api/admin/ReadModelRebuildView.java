package dev.vitrine.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * Where the last (or current) rebuild of the read model stands.
 *
 * @param swap        false for a verification: the rebuilt read model is compared, then dropped
 * @param differences rows the rebuilt read model and the live one disagree on (at most 20 shown)
 */
@Schema(name = "ReadModelRebuild")
public record ReadModelRebuildView(
        RebuildState state,
        boolean swap,
        String node,
        Instant startedAt,
        Instant updatedAt,
        @Schema(nullable = true) Instant finishedAt,
        long eventsTotal,
        long eventsDone,
        @Schema(nullable = true) Double eventsPerSecond,
        @Schema(nullable = true) Long etaSeconds,
        @Schema(nullable = true) Long comparedRows,
        @Schema(nullable = true) Long differenceCount,
        List<ReadModelDifference> differences,
        @Schema(nullable = true) String message) {

    public boolean running() {
        return !state.isOver();
    }
}
