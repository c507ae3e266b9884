package dev.vitrine.api.search.query;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.query.Question;
import java.util.List;

/**
 * Which galleries and published images that the viewer may find match all these words? {@code after} is the
 * previous page's cursor (null: the first page, which alone names galleries). The variants' URLs start with
 * {@code origin} ({@link dev.vitrine.api.operations.PublicAddress#origin}).
 */
public record FindMatches(List<String> words, Actor viewer, SearchCursor after, int limit, String origin)
        implements Question<SearchResults> {

    @Override
    public Class<SearchResults> answerType() {
        return SearchResults.class;
    }
}
