package dev.vitrine.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of a gallery's history, oldest first; pass {@code next} as {@code ?after=} for the page after. */
@Schema(name = "HistoryPage")
public record HistoryPage(List<HistoryEntry> events, Long next, boolean hasMore) {}
