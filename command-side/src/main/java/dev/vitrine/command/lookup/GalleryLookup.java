package dev.vitrine.command.lookup;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.command.gallery.GalleryAccess;
import dev.vitrine.command.gallery.GalleryManagement;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers image commands about their gallery from {@code gallery_lookup} (kept with the Gallery's events, see
 * {@link LookupProjector}) instead of loading the Gallery aggregate: an upload does not wait for the gallery's lock,
 * so uploads into one gallery run side by side. The row is read {@code FOR SHARE}: a deletion of the gallery waits
 * for the commands that read it as live, and then marks their images deleted with the others.
 */
@Component
class GalleryLookup implements GalleryAccess {

    private final JdbcTemplate jdbc;

    GalleryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UUID requireManagedBy(UUID galleryId, Actor actor) {
        GalleryManagement gallery = jdbc
                .query(
                        "SELECT owner_id, deleted FROM gallery_lookup WHERE gallery_id = ? FOR SHARE",
                        (row, n) -> new GalleryManagement(
                                galleryId, row.getObject("owner_id", UUID.class), row.getBoolean("deleted")),
                        galleryId)
                .stream()
                .findFirst()
                .orElseThrow(() ->
                        new RejectedException(ErrorCode.GALLERY_NOT_FOUND, "galleryId", "no gallery " + galleryId));
        gallery.requireManagedBy(actor);
        return gallery.ownerId();
    }

    @Override
    public List<UUID> ownedBy(UUID ownerId) {
        return jdbc.queryForList(
                "SELECT gallery_id FROM gallery_lookup WHERE owner_id = ? AND NOT deleted", UUID.class, ownerId);
    }
}
