package dev.vitrine.query.gallery;

import dev.vitrine.api.gallery.GalleryScope;
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

    /**
     * The galleries a search may find for {@code :viewer} (a UUID, or null for nobody): public ones, the viewer's
     * own and those shared with them; not another's unlisted gallery, which is for those who hold its address.
     */
    public static final String FINDABLE = """
            NOT deleted AND (visibility = '%s' OR owner_id = :viewer
                             OR members @> jsonb_build_array(jsonb_build_object('userId', :viewer::text)))""".formatted(Visibility.PUBLIC.wireName());

    private final DatabaseClient db;

    GalleryRows(DatabaseClient db) {
        this.db = db;
    }

    /** The galleries, not deleted, the account is a member of, by name. */
    Flux<GalleryRow> sharedWith(UUID memberId) {
        return db.sql("SELECT " + GalleryRow.selectList() + """
                         FROM gallery_view
                        WHERE NOT deleted AND members @> jsonb_build_array(jsonb_build_object('userId', :member::text))
                        ORDER BY lower(name), id""")
                .bind("member", memberId)
                .map(GalleryRow::read)
                .all();
    }

    public Mono<GalleryRow> find(UUID id) {
        return db.sql("SELECT " + GalleryRow.selectList() + " FROM gallery_view WHERE id = :id")
                .bind("id", id)
                .map(GalleryRow::read)
                .one();
    }

    /**
     * The scope's galleries the viewer may browse, newest first, strictly after the cursor: public ones and the
     * viewer's own, or those the viewer is a member of.
     */
    Flux<GalleryRow> listVisible(Actor viewer, GalleryScope scope, Cursor after, int limit) {
        String keyset = after == null ? "" : "AND (created_at, id) < (:afterCreatedAt, :afterId)";
        String inScope = switch (scope) {
            case ALL -> "(visibility = '%s' OR owner_id = :viewer)".formatted(Visibility.PUBLIC.wireName());
            case SHARED -> "members @> jsonb_build_array(jsonb_build_object('userId', :viewer::text))";
        };
        var statement = db.sql("SELECT " + GalleryRow.selectList() + """
                         FROM gallery_view
                        WHERE NOT deleted AND %s %s
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit""".formatted(inScope, keyset))
                .bind("viewer", Parameter.fromOrEmpty(viewer.userId(), UUID.class))
                .bind("limit", limit);
        if (after != null) {
            statement = statement.bind("afterCreatedAt", after.createdAt()).bind("afterId", after.id());
        }
        return statement.map(GalleryRow::read).all();
    }
}
