package dev.vitrine.api.paging;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a page of a numbered list stands. Every page also carries the cursor that continues after it, so a client
 * may switch from numbered pages to infinite scroll at any point.
 */
public record PagePagination(
        @Schema(description = "The page number asked for; null when the page was asked for by cursor", nullable = true)
        Integer page,

        int limit,

        @Schema(description = "How many items the whole list has")
        long total,

        boolean hasMore,

        @Schema(description = "Pass as ?cursor= for the items after this page; null on the last page", nullable = true)
        String cursor) {}
