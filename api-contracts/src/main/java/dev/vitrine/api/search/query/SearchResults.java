package dev.vitrine.api.search.query;

import dev.vitrine.api.gallery.query.GalleryView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(
        name = "SearchResults",
        description = "What matches every word: galleries (first page only, best first) and images (best first, "
                + "paged by nextCursor)")
public record SearchResults(
        @Schema(description = "the words looked for") List<String> words,
        List<GalleryView> galleries,
        List<ImageMatch> images,

        @Schema(nullable = true, description = "pass as cursor for more images; null: no more")
        String nextCursor) {}
