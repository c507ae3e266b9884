-- The words of a search as a query, as people type it: every word must match; the last word also matches the words
-- it begins (the one still being typed: "lisb" finds lisbon), the others as they are, which lets PostgreSQL skip
-- through a frequent word's matches instead of collecting them all (a prefix is collected whole). A word of 4
-- letters or more that no known word begins with is replaced by the known words most like it: the best, and any
-- nearly as close (at most 3), not the merely similar ones that made a misspelt search slower and worse.
CREATE OR REPLACE FUNCTION search_query(words TEXT[]) RETURNS TSQUERY LANGUAGE sql STABLE AS $$
    SELECT string_agg(
               '(' || quote_literal(w) || CASE WHEN n = cardinality(words) THEN ':*' ELSE '' END
                   || coalesce((
                   SELECT string_agg(' | ' || quote_literal(c.term), '')
                     FROM (SELECT term, similarity(term, w) AS close, max(similarity(term, w)) OVER () AS best
                             FROM (SELECT term FROM search_term
                                    WHERE length(w) >= 4 AND term % w
                                      AND NOT EXISTS (SELECT 1 FROM search_term p WHERE p.term LIKE w || '%')
                                    ORDER BY term <-> w, term
                                    LIMIT 3) AS candidates) AS c
                    WHERE c.close >= c.best - 0.05), '') || ')',
               ' & ' ORDER BY n)::tsquery
      FROM unnest(words) WITH ORDINALITY AS u(w, n)
$$;
