package dev.vitrine.query.gallery;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.paging.Cursor;
import dev.vitrine.query.projection.GalleryRow;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads {@code gallery_view}. */
@Component
public class GalleryRows {

    private final DatabaseClient db;

    GalleryRows(DatabaseClient db) {
        this.db = db;
    }

    public Mono<GalleryRow> find(UUID id) {
        return db.sql("SELECT " + GalleryRow.selectList() + " FROM gallery_view WHERE id = :id")
                .bind("id", id)
                .map(GalleryRow::read)
                .one();
    }

    /** Public galleries and the viewer's own, newest first, strictly after the cursor. */
    Flux<GalleryRow> listVisible(Actor viewer, Cursor after, int limit) {
        String keyset = after == null ? "" : "AND (created_at, id) < (:afterCreatedAt, :afterId)";
        var statement = db.sql(
                        "SELECT " + GalleryRow.selectList() + """
                         FROM gallery_view
                        WHERE NOT deleted AND (visibility = '%s' OR owner_id = :viewer) %s
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit""".formatted(Visibility.PUBLIC.wireName(), keyset))
                .bind("viewer", Parameter.fromOrEmpty(viewer.userId(), UUID.class))
                .bind("limit", limit);
        if (after != null) {
            statement = statement.bind("afterCreatedAt", after.createdAt()).bind("afterId", after.id());
        }
        return statement.map(GalleryRow::read).all();
    }
}
