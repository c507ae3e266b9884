package dev.vitrine.query.image;

import dev.vitrine.api.image.Fingerprint;
import dev.vitrine.api.image.query.ImageKey;
import dev.vitrine.api.image.query.TagCount;
import dev.vitrine.query.projection.ImageList;
import dev.vitrine.query.projection.ImageRow;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads {@code image_view}. Lists are newest first, by position. A page deep in a counted list starts from the
 * run of positions it lies in ({@code image_bucket}), so page 500 reads about as many rows as page 1.
 */
@Component
class ImageRows {

    /** The order by when taken; the index image_view_by_taken serves it. */
    private static final String BY_TAKEN = "taken_at DESC NULLS LAST, position DESC";

    private final DatabaseClient db;

    ImageRows(DatabaseClient db) {
        this.db = db;
    }

    Mono<ImageRow> find(UUID id) {
        return db.sql("SELECT " + ImageRow.selectList() + " FROM image_view WHERE id = :id")
                .bind("id", id)
                .map(ImageRow::read)
                .one();
    }

    /** {@code limit} images of the selection, skipping the {@code offset} newest. */
    Flux<ImageRow> page(UUID galleryId, ImageSelection selection, long offset, int limit) {
        if (!selection.counted() || offset < ImageList.BUCKET_SIZE) {
            var plain = db.sql("SELECT " + ImageRow.selectList() + """
                             FROM image_view
                            WHERE gallery_id = :gallery AND %s
                            ORDER BY position DESC
                            OFFSET :offset LIMIT :limit""".formatted(selection.condition()))
                    .bind("gallery", galleryId)
                    .bind("offset", offset)
                    .bind("limit", limit);
            return selection.bind(plain).map(ImageRow::read).all();
        }
        return db.sql("""
                        WITH runs AS (
                            SELECT bucket, images, COALESCE(sum(images) OVER (ORDER BY bucket DESC
                                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
                            FROM image_bucket WHERE gallery_id = :gallery AND list = :list),
                        anchor AS (SELECT bucket, before FROM runs WHERE before <= :offset AND before + images > :offset)
                        SELECT page.* FROM anchor CROSS JOIN LATERAL (
                            SELECT %s FROM image_view
                            WHERE gallery_id = :gallery AND %s AND position < (anchor.bucket + 1) * %d
                            ORDER BY position DESC
                            OFFSET :offset - anchor.before LIMIT :limit) AS page
                        ORDER BY page.position DESC""".formatted(ImageRow.selectList(), selection.condition(), ImageList.BUCKET_SIZE))
                .bind("gallery", galleryId)
                .bind("list", selection.list().wireName())
                .bind("offset", offset)
                .bind("limit", limit)
                .map(ImageRow::read)
                .all();
    }

    /** {@code limit} images of the selection older than the cursor position (keyset). */
    Flux<ImageRow> after(UUID galleryId, ImageSelection selection, long position, int limit) {
        var statement = db.sql("SELECT " + ImageRow.selectList() + """
                         FROM image_view
                        WHERE gallery_id = :gallery AND %s AND position < :position
                        ORDER BY position DESC
                        LIMIT :limit""".formatted(selection.condition()))
                .bind("gallery", galleryId)
                .bind("position", position)
                .bind("limit", limit);
        return selection.bind(statement).map(ImageRow::read).all();
    }

    /**
     * {@code limit} images of the selection by when they were taken (newest first, those without a date last),
     * skipping {@code offset}: an offset scan, as runs of positions say nothing of this order.
     */
    Flux<ImageRow> pageByTaken(UUID galleryId, ImageSelection selection, long offset, int limit) {
        var statement = db.sql("SELECT " + ImageRow.selectList() + """
                         FROM image_view
                        WHERE gallery_id = :gallery AND %s
                        ORDER BY %s
                        OFFSET :offset LIMIT :limit""".formatted(selection.condition(), BY_TAKEN))
                .bind("gallery", galleryId)
                .bind("offset", offset)
                .bind("limit", limit);
        return selection.bind(statement).map(ImageRow::read).all();
    }

    /** {@code limit} images of the selection after the key, by when they were taken (keyset). */
    Flux<ImageRow> afterByTaken(UUID galleryId, ImageSelection selection, ImageKey after, int limit) {
        String rest = after.takenAt() == null
                ? "taken_at IS NULL AND position < :position"
                : "(taken_at < :taken OR (taken_at = :taken AND position < :position) OR taken_at IS NULL)";
        var statement = db.sql("SELECT " + ImageRow.selectList() + """
                         FROM image_view
                        WHERE gallery_id = :gallery AND %s AND %s
                        ORDER BY %s
                        LIMIT :limit""".formatted(selection.condition(), rest, BY_TAKEN))
                .bind("gallery", galleryId)
                .bind("position", after.position())
                .bind("limit", limit);
        if (after.takenAt() != null) {
            statement = statement.bind("taken", after.takenAt());
        }
        return selection.bind(statement).map(ImageRow::read).all();
    }

    /** The gallery's fingerprinted images, newest first (positions: groups list their newest member first). */
    Flux<DuplicateQueries.Fingerprinted> fingerprints(UUID galleryId) {
        return db.sql("""
                        SELECT id, fingerprint FROM image_view
                         WHERE gallery_id = :gallery AND fingerprint IS NOT NULL AND NOT deleted
                         ORDER BY position DESC NULLS LAST, id""")
                .bind("gallery", galleryId)
                .map(row -> new DuplicateQueries.Fingerprinted(
                        row.get("id", UUID.class), new Fingerprint(row.get("fingerprint", Long.class))))
                .all();
    }

    Flux<ImageRow> rows(Collection<UUID> ids) {
        return db.sql("SELECT " + ImageRow.selectList() + " FROM image_view WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(ImageRow::read)
                .all();
    }

    /** How many images a list of one status has; the gallery's row counts the two common lists. */
    Mono<Long> count(UUID galleryId, ImageSelection selection) {
        return selection
                .bind(db.sql("SELECT count(*) AS n FROM image_view WHERE gallery_id = :gallery AND "
                                + selection.condition())
                        .bind("gallery", galleryId))
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** The tags of the selection's images, most used first (then alphabetically). */
    Flux<TagCount> tagCounts(UUID galleryId, ImageSelection selection) {
        return selection
                .bind(db.sql("""
                                SELECT tag, count(*) AS n
                                  FROM image_view, jsonb_array_elements_text(tags) AS tag
                                 WHERE gallery_id = :gallery AND %s
                                 GROUP BY tag
                                 ORDER BY n DESC, tag""".formatted(selection.condition())).bind("gallery", galleryId))
                .map(row -> new TagCount(row.get("tag", String.class), row.get("n", Long.class)))
                .all();
    }
}
