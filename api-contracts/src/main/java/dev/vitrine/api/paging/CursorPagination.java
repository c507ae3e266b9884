package dev.vitrine.api.paging;

import io.swagger.v3.oas.annotations.media.Schema;

public record CursorPagination(
        @Schema(description = "Pass as ?cursor= for the next page; null on the last page", nullable = true)
        String cursor,

        boolean hasMore) {}
