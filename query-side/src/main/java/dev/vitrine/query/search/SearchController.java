package dev.vitrine.query.search;

import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.paging.PageLimits;
import dev.vitrine.api.search.SearchWords;
import dev.vitrine.api.search.query.FindMatches;
import dev.vitrine.api.search.query.SearchCursor;
import dev.vitrine.api.search.query.SearchResults;
import dev.vitrine.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Search")
class SearchController {

    static final String SEARCH = "/api/search";

    private final Queries queries;

    SearchController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping(SEARCH)
    @Operation(
            summary = "Galleries and published images you may see (public, yours, shared with you) matching every "
                    + "word: in names, descriptions, alt text, tags, file names and camera models; the last word also "
                    + "matches the words it begins (as you type), and a misspelt word the known words most like it")
    Mono<ResponseEntity<SearchResults>> search(
            @Parameter(description = "the words to look for (at most 8; punctuation separates words)")
                    @RequestParam(name = SearchWords.PARAMETER, required = false)
                    String q,
            @Parameter(description = "nextCursor of the previous page")
                    @RequestParam(name = SearchCursor.PARAMETER, required = false)
                    String cursor,
            @RequestParam(name = "limit", defaultValue = "" + PageLimits.DEFAULT_LIMIT)
                    @Min(1)
                    @Max(PageLimits.MAX_LIMIT)
                    int limit,
            Caller caller) {
        return Mono.fromCallable(() -> new FindMatches(
                        SearchWords.of(q), caller.actor(), SearchCursor.parse(cursor), limit, caller.origin()))
                .flatMap(queries::ask)
                // answers differ by caller and may hold signed addresses: no shared cache may keep them
                .map(results -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore().cachePrivate())
                        .body(results));
    }
}
