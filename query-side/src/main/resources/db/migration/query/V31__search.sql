-- Search (GET /api/search). What makes a gallery or an image findable is said here, once: the generated columns
-- below. 'simple' keeps every word as written (lower-cased, no stemming): galleries are named in every language,
-- and prefix matching ("lisb" finds "lisbon") does what stemming would for English without harming the others.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A gallery is found by its name (weighted first) and its description.
ALTER TABLE gallery_view ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, name), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'B')) STORED;
CREATE INDEX gallery_view_search ON gallery_view USING GIN (search);

-- One row per published image, narrow on purpose: a frequent word matches tens of thousands of images, and each
-- match is a row read; in image_view (variants, capture) that read costs several times more. Written by the
-- projection beside image_view (a row while the image is published, none otherwise), rebuilt and compared with it.
CREATE TABLE image_search (
    id               UUID        PRIMARY KEY,
    gallery_id       UUID        NOT NULL,
    alt              TEXT,
    tags             JSONB       NOT NULL,
    filename         TEXT        NOT NULL,
    camera           TEXT,       -- make and model, as the photo's file says
    uploaded_at      TIMESTAMPTZ NOT NULL,
    last_event_index BIGINT      NOT NULL,
    -- Alt text and tags say what is in the photo (A), the file name less reliably (B), the camera least (C).
    -- A file name's separators split it: "IMG_2034-lisbon.jpg" gives img, 2034, lisbon, jpg.
    document         TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(alt, '')), 'A')
            || setweight(to_tsvector('simple'::regconfig, tags::text), 'A')
            || setweight(to_tsvector('simple'::regconfig, regexp_replace(filename, '[._-]+', ' ', 'g')), 'B')
            || setweight(to_tsvector('simple'::regconfig, coalesce(camera, '')), 'C')) STORED
);
CREATE INDEX image_search_document ON image_search USING GIN (document);
-- A frequent word is answered newest first by walking this index; a rare one through the GIN index.
CREATE INDEX image_search_newest ON image_search (uploaded_at DESC, id DESC);

-- Every word that was ever findable (see search_terms), to correct a misspelt word of a search ("lisbn" -> lisbon)
-- by trigram similarity. Words are never removed: a correction only changes what is looked for, and what is found
-- is still only what the caller may see.
CREATE TABLE search_term (term TEXT PRIMARY KEY);
CREATE INDEX search_term_trigrams ON search_term USING GIN (term gin_trgm_ops);
CREATE INDEX search_term_prefix ON search_term (term text_pattern_ops);

-- The words of a document worth keeping for corrections: words of letters (and digits after the first letter),
-- 3 to 64 long; numbers and fragments of paths or addresses are not corrected.
CREATE FUNCTION search_terms(document TSVECTOR) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT term FROM unnest(tsvector_to_array(document)) AS term
     WHERE term ~ '^[[:alpha:]][[:alnum:]]{2,63}$'
$$;

-- The words of a search as a query: each word as a prefix; a word of 4 letters or more that begins no known word
-- is replaced by the (at most 3) known words most like it; all words must match.
CREATE FUNCTION search_query(words TEXT[]) RETURNS TSQUERY LANGUAGE sql STABLE AS $$
    SELECT string_agg(
               '(' || quote_literal(w) || ':*' || coalesce((
                   SELECT string_agg(' | ' || quote_literal(t.term), '')
                     FROM (SELECT term FROM search_term
                            WHERE length(w) >= 4 AND term % w
                              AND NOT EXISTS (SELECT 1 FROM search_term p WHERE p.term LIKE w || '%')
                            ORDER BY term <-> w, term
                            LIMIT 3) t), '') || ')',
               ' & ')::tsquery
      FROM unnest(words) AS w
$$;

INSERT INTO image_search (id, gallery_id, alt, tags, filename, camera, uploaded_at, last_event_index)
SELECT id, gallery_id, alt, tags, filename,
       nullif(trim(coalesce(capture ->> 'cameraMake', '') || ' ' || coalesce(capture ->> 'cameraModel', '')), ''),
       uploaded_at, last_event_index
  FROM image_view
 WHERE status = 'published' AND NOT deleted;

INSERT INTO search_term (term)
SELECT search_terms(document) FROM image_search
 UNION
SELECT search_terms(search) FROM gallery_view
ON CONFLICT DO NOTHING;
