package dev.vitrine.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.app.support.TestDatabases;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the migration of event audiences (V22) does to an integration log the previous release wrote: what it gave
 * everyone of images not yet published becomes their owners', news of a change of visibility or of a public
 * gallery's deletion stays everyone's for good, the images published so far are known, and so is which galleries
 * everyone may see now.
 */
class EventAudienceMigrationIT {

    final UUID open = UUID.randomUUID();
    /** public until deleted */
    final UUID other = UUID.randomUUID();

    final UUID owner = UUID.randomUUID();
    final UUID abandoned = UUID.randomUUID();
    final UUID shown = UUID.randomUUID();

    @Test
    void entries_of_images_before_their_publication_become_their_owners_and_announcements_are_marked() {
        DriverManagerDataSource database =
                new DriverManagerDataSource(TestDatabases.create(), TestDatabases.user(), TestDatabases.password());
        JdbcTemplate jdbc = new JdbcTemplate(database);
        migrate(database, "21");

        log(jdbc, 1, open, open, "gallery.created.v1", false, "{\"galleryId\":\"" + open + "\"}");
        log(jdbc, 2, open, abandoned, "image.upload-requested.v1", false, image(abandoned, "secret-1.jpg"));
        log(jdbc, 3, open, shown, "image.upload-requested.v1", false, image(shown, "secret-2.jpg"));
        log(jdbc, 4, open, shown, "image.variant-generated.v1", false, image(shown, null));
        log(jdbc, 5, open, shown, "image.published.v1", false, image(shown, null));
        log(jdbc, 6, open, shown, "image.variant-generated.v1", false, image(shown, null));
        log(jdbc, 7, open, shown, null, false, null);
        log(jdbc, 8, open, open, "gallery.visibility-changed.v1", false, "{\"galleryId\":\"" + open + "\"}");
        log(jdbc, 9, open, open, "gallery.updated.v1", true, "{\"galleryId\":\"" + open + "\"}");
        // deleted once private: nobody else was told
        log(jdbc, 10, open, open, "gallery.deleted.v1", true, "{\"galleryId\":\"" + open + "\"}");
        log(jdbc, 11, other, other, "gallery.created.v1", false, "{\"galleryId\":\"" + other + "\"}");
        log(jdbc, 12, other, other, "gallery.deleted.v1", false, "{\"galleryId\":\"" + other + "\"}");

        UUID stillPublic = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO event_log_gallery (gallery_id, owner_id, visibility, deleted) VALUES"
                        + " (?, ?, 'private', false), (?, ?, 'public', true), (?, ?, 'public', false)",
                open,
                owner,
                other,
                owner,
                stillPublic,
                owner);

        migrate(database, null);

        assertThat(jdbc.queryForList("SELECT position FROM event_log WHERE restricted ORDER BY position", Long.class))
                .as("restricted: the uploads and the variant made before the publication, and what was already")
                .containsExactly(2L, 3L, 4L, 9L, 10L);
        assertThat(jdbc.queryForList("SELECT position FROM event_log WHERE announcement ORDER BY position", Long.class))
                .as("announcements: the gallery stopped being public; a public gallery deleted")
                .containsExactly(8L, 12L);
        assertThat(jdbc.queryForList("SELECT image_id FROM event_log_published_image", UUID.class))
                .containsExactly(shown);
        assertThat(jdbc.queryForList("SELECT gallery_id FROM event_log_gallery WHERE is_public", UUID.class))
                .as("public now: neither made private nor deleted")
                .containsExactly(stillPublic);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_log", Integer.class))
                .as("every entry kept")
                .isEqualTo(12);
    }

    private String image(UUID imageId, String filename) {
        return filename == null
                ? "{\"imageId\":\"" + imageId + "\",\"galleryId\":\"" + open + "\"}"
                : "{\"imageId\":\"" + imageId + "\",\"galleryId\":\"" + open + "\",\"filename\":\"" + filename + "\"}";
    }

    private void log(
            JdbcTemplate jdbc,
            long position,
            UUID galleryId,
            UUID aggregateId,
            String type,
            boolean restricted,
            String data) {
        jdbc.update(
                """
                INSERT INTO event_log (position, global_index, event_id, aggregate_id, aggregate_sequence, gallery_id,
                    occurred_at, public_type, subject, data, restricted, owner_id)
                VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?::jsonb, ?, ?)""",
                position,
                position,
                UUID.randomUUID().toString(),
                aggregateId.toString(),
                galleryId,
                Timestamp.from(Instant.parse("2026-11-01T10:00:00Z").plusSeconds(position)),
                type == null ? null : "dev.vitrine." + type,
                type == null ? null : "galleries/" + galleryId,
                data,
                restricted,
                owner);
    }

    private static void migrate(DriverManagerDataSource database, String target) {
        var flyway = Flyway.configure().dataSource(database).locations("classpath:db/migration");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }
}
