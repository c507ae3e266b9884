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
     * 50 000; ranking them all costs about 100 ms, the newest 500 a few. Beyond them a search pages no further.
     */
    static final int RANKED = 500;

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
        return db.sql("SELECT " + GalleryRow.selectList() + """
                         FROM gallery_view, (SELECT search_query(:words) AS query) AS q
                        WHERE search @@ q.query AND %s
                        ORDER BY ts_rank(search, q.query) DESC, created_at DESC, id DESC
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
                        WITH candidates AS (
                            SELECT s.id, s.gallery_id, s.uploaded_at, s.document, q.query
                              FROM image_search s, (SELECT search_query(:words) AS query) AS q
                             WHERE s.document @@ q.query
                               AND s.gallery_id IN (SELECT id FROM gallery_view WHERE %s)
                             ORDER BY s.uploaded_at DESC, s.id DESC
                             LIMIT %d),
                        ranked AS (
                            SELECT id, gallery_id, uploaded_at, ts_rank(document, query) AS score FROM candidates)
                        SELECT id, gallery_id, uploaded_at, score FROM ranked %s
                         ORDER BY score DESC, uploaded_at DESC, id DESC
                         LIMIT :limit""".formatted(GalleryRows.FINDABLE, RANKED, keyset))
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
