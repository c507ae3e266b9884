package dev.vitrine.query.search;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.search.query.SearchCursor;
import dev.vitrine.query.gallery.GalleryRows;
import dev.vitrine.query.projection.GalleryRow;
import dev.vitrine.query.projection.ImageRow;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Reads {@code image_search} and {@code gallery_view}'s search column; what makes a row match is said in
 * V31__search.sql ({@code search_query}, the generated documents).
 */
@Component
class SearchRows {

    /**
     * How many of the newest matching images are ranked. A word in every twentieth photo of a million matches
     * 50 000; ranking them all costs hundreds of milliseconds, the newest 500 a few. Beyond them a search pages no
     * further.
     */
    static final int RANKED = 500;

    /**
     * How many of the newest images are looked through first. A frequent word has its newest matches among them,
     * found by walking them newest first (about 10 ms for 20 000 warm); a rarer one, which has not, is looked up in
     * the index of every image instead, where it has few matches. The plan is chosen here, by what was found, not
     * by the planner: a prepared statement's generic plan knows nothing of the words.
     */
    static final int RECENT = 20_000;

    /** A matching image: its place in the results. */
    record Match(UUID id, UUID galleryId, float score, Instant uploadedAt) {

        SearchCursor cursor() {
            return new SearchCursor(score, uploadedAt, id);
        }
    }

    private final DatabaseClient db;

    SearchRows(DatabaseClient db) {
        this.db = db;
    }

    /** The best {@code limit} matching galleries the viewer may find. */
    Flux<GalleryRow> galleries(List<String> words, Actor viewer, int limit) {
        // the words' query is an InitPlan, computed once: inline, PostgreSQL would compute it again for every row
        return db.sql("WITH q AS MATERIALIZED (SELECT search_query(:words) AS query) SELECT "
                        + GalleryRow.selectList() + """
                         FROM gallery_view
                        WHERE search @@ (SELECT query FROM q) AND %s
                        ORDER BY ts_rank(search, (SELECT query FROM q)) DESC, created_at DESC, id DESC
                        LIMIT :limit""".formatted(GalleryRows.FINDABLE))
                .bind("words", words.toArray(String[]::new))
                .bind("viewer", Parameter.fromOrEmpty(viewer.userId(), UUID.class))
                .bind("limit", limit)
                .map(GalleryRow::read)
                .all();
    }

    /** Matching images in galleries the viewer may find, best first, after the cursor. */
    Flux<Match> images(List<String> words, Actor viewer, SearchCursor after, int limit) {
        String keyset = after == null ? "" : "WHERE (score, uploaded_at, id) < (:score, :uploaded, :id)";
        var statement = db.sql("""
                        WITH q AS MATERIALIZED (SELECT search_query(:words) AS query),
                        recent AS (
                            SELECT r.id, r.gallery_id, r.uploaded_at, r.document
                              FROM (SELECT id, gallery_id, uploaded_at, document FROM image_search
                                     ORDER BY uploaded_at DESC, id DESC LIMIT %2$d) AS r
                             WHERE r.document @@ (SELECT query FROM q)
                               AND r.gallery_id IN (SELECT id FROM gallery_view WHERE %1$s)
                             ORDER BY r.uploaded_at DESC, r.id DESC
                             LIMIT %3$d),
                        everywhere AS (
                            SELECT s.id, s.gallery_id, s.uploaded_at, s.document
                              FROM image_search s
                             WHERE (SELECT count(*) FROM recent) < %3$d
                               AND s.document @@ (SELECT query FROM q)
                               AND s.gallery_id IN (SELECT id FROM gallery_view WHERE %1$s)
                             ORDER BY s.uploaded_at DESC, s.id DESC
                             LIMIT %3$d),
                        candidates AS (
                            SELECT * FROM recent WHERE (SELECT count(*) FROM recent) >= %3$d
                            UNION ALL
                            SELECT * FROM everywhere),
                        ranked AS (
                            SELECT id, gallery_id, uploaded_at, ts_rank(document, (SELECT query FROM q)) AS score
                              FROM candidates)
                        SELECT id, gallery_id, uploaded_at, score FROM ranked %4$s
                         ORDER BY score DESC, uploaded_at DESC, id DESC
                         LIMIT :limit""".formatted(GalleryRows.FINDABLE, RECENT, RANKED, keyset))
                .bind("words", words.toArray(String[]::new))
                .bind("viewer", Parameter.fromOrEmpty(viewer.userId(), UUID.class))
                .bind("limit", limit);
        if (after != null) {
            statement = statement
                    .bind("score", after.score())
                    .bind("uploaded", after.uploadedAt())
                    .bind("id", after.id());
        }
        return statement
                .map(row -> new Match(
                        row.get("id", UUID.class),
                        row.get("gallery_id", UUID.class),
                        row.get("score", Float.class),
                        row.get("uploaded_at", Instant.class)))
                .all();
    }

    Flux<ImageRow> imageRows(Collection<UUID> ids) {
        return db.sql("SELECT " + ImageRow.selectList() + " FROM image_view WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(ImageRow::read)
                .all();
    }

    Flux<GalleryRow> galleryRows(Collection<UUID> ids) {
        return db.sql("SELECT " + GalleryRow.selectList() + " FROM gallery_view WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(GalleryRow::read)
                .all();
    }
}
