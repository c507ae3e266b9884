package dev.vitrine.command.lookup;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.command.gallery.GalleryAccess;
import dev.vitrine.command.gallery.GalleryManagement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers image and share-link commands about their gallery from {@code gallery_lookup} and {@code gallery_member}
 * (kept with the Gallery's events, see {@link LookupProjector}) instead of loading the Gallery aggregate: an upload
 * does not wait for the gallery's lock, so uploads into one gallery run side by side. The gallery's row is read
 * {@code FOR SHARE}: a deletion of the gallery waits for the commands that read it as live, and then marks their
 * images deleted with the others.
 */
@Component
class GalleryLookup implements GalleryAccess {

    private final JdbcTemplate jdbc;

    GalleryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public GalleryManagement of(UUID galleryId, Actor asking) {
        return jdbc
                .query(
                        """
                        SELECT owner_id, deleted,
                               (SELECT role FROM gallery_member WHERE gallery_id = g.gallery_id AND member_id = ?) AS role
                        FROM gallery_lookup g WHERE gallery_id = ? FOR SHARE""",
                        (row, n) -> {
                            String role = row.getString("role");
                            return new GalleryManagement(
                                    galleryId,
                                    row.getObject("owner_id", UUID.class),
                                    row.getBoolean("deleted"),
                                    role == null ? Map.of() : Map.of(asking.userId(), GalleryRole.fromWireName(role)));
                        },
                        asking.userId(),
                        galleryId)
                .stream()
                .findFirst()
                .orElseThrow(() ->
                        new RejectedException(ErrorCode.GALLERY_NOT_FOUND, "galleryId", "no gallery " + galleryId));
    }

    @Override
    public List<UUID> ownedBy(UUID ownerId) {
        return jdbc.queryForList(
                "SELECT gallery_id FROM gallery_lookup WHERE owner_id = ? AND NOT deleted", UUID.class, ownerId);
    }
}
