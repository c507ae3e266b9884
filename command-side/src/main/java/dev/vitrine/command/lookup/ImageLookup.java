package dev.vitrine.command.lookup;

import dev.vitrine.command.gallery.GalleryImages;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the command side's own image facts (see {@link LookupProjector} for how they are kept). */
@Component
public class ImageLookup implements GalleryImages {

    private final JdbcTemplate jdbc;

    ImageLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean holds(UUID galleryId, UUID imageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM image_lookup
                               WHERE image_id = ? AND gallery_id = ? AND confirmed AND NOT deleted)""", Boolean.class, imageId, galleryId));
    }

    @Override
    public Optional<UUID> duplicateOf(UUID galleryId, String sha256, UUID imageId) {
        return jdbc.queryForList("""
                        SELECT image_id FROM image_lookup
                        WHERE gallery_id = ? AND sha256 = ? AND confirmed AND NOT deleted AND image_id <> ?
                        LIMIT 1""", UUID.class, galleryId, sha256, imageId).stream()
                .findFirst();
    }

    /** The upload as it was requested, while the image is not deleted. */
    public Optional<RequestedUpload> findUpload(UUID imageId) {
        return jdbc
                .query(
                        """
                        SELECT gallery_id, object_key, declared_size, content_type FROM image_lookup
                        WHERE image_id = ? AND NOT deleted""",
                        (rs, row) -> new RequestedUpload(
                                imageId, rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getString(4)),
                        imageId)
                .stream()
                .findFirst();
    }

    public record RequestedUpload(
            UUID imageId, UUID galleryId, String objectKey, long declaredSize, String contentType) {}
}
