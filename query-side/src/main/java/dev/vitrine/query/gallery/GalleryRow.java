package dev.vitrine.query.gallery;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.identity.Actor;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code gallery_view}, and who may see it. */
public record GalleryRow(
        UUID id,
        UUID ownerId,
        String name,
        String description,
        Visibility visibility,
        UUID coverImageId,
        int imageCount,
        int confirmedCount,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted,
        long version) {

    static final String COLUMNS = """
            id, owner_id, name, description, visibility, cover_image_id, image_count, confirmed_count, created_at,
            updated_at, deleted, version""";

    static GalleryRow read(Readable row) {
        return new GalleryRow(
                row.get("id", UUID.class),
                row.get("owner_id", UUID.class),
                row.get("name", String.class),
                row.get("description", String.class),
                Visibility.fromWireName(row.get("visibility", String.class)),
                row.get("cover_image_id", UUID.class),
                row.get("image_count", Integer.class),
                row.get("confirmed_count", Integer.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class),
                row.get("deleted", Boolean.class),
                row.get("version", Long.class));
    }

    /** Private galleries exist only for their owner (and administrators); deleted ones for nobody. */
    public boolean visibleTo(Actor viewer) {
        return !deleted && (visibility != Visibility.PRIVATE || viewer.mayManage(ownerId));
    }

    /** The owner also sees images still processing or rejected; everyone else only published ones. */
    public boolean showsUnpublishedTo(Actor viewer) {
        return viewer.mayManage(ownerId);
    }

    public GalleryView view() {
        return new GalleryView(
                id, name, description, coverImageId, imageCount, visibility, ownerId, createdAt, updatedAt, version);
    }
}
