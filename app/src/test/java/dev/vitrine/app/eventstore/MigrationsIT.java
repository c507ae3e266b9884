package dev.vitrine.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.recorded.RecordedHistory;
import dev.vitrine.api.recorded.RecordedHistory.StoredEvent;
import dev.vitrine.app.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What this release's migrations do to data the previous release wrote: a real recorded history goes into a
 * database migrated as far as that release went (V10), then the rest of the migrations run.
 */
class MigrationsIT {

    final RecordedHistory history = RecordedHistory.load();

    @Test
    void galleries_of_an_older_event_store_are_in_the_gallery_lookup_and_old_dead_letters_take_new_event_names() {
        DriverManagerDataSource database =
                new DriverManagerDataSource(TestDatabases.create(), TestDatabases.user(), TestDatabases.password());
        JdbcTemplate jdbc = new JdbcTemplate(database);
        migrate(database, "10");

        List<StoredEvent> events = history.stored();
        events.forEach(event -> insert(jdbc, event));
        StoredEvent created = events.stream()
                .filter(event -> event.payloadType().endsWith(".GalleryCreated"))
                .findFirst()
                .orElseThrow();
        // a second gallery, created under the old name and deleted under the new one
        UUID deleted = UUID.randomUUID();
        UUID deletedOwner = UUID.randomUUID();
        insert(
                jdbc,
                new StoredEvent(
                        10_001,
                        "Gallery",
                        deleted.toString(),
                        0,
                        UUID.randomUUID().toString(),
                        created.timestamp(),
                        "dev.vitrine.api.gallery.GalleryCreated",
                        "1",
                        "{\"galleryId\":\"" + deleted + "\",\"ownerId\":\"" + deletedOwner
                                + "\",\"name\":\"Gone\",\"description\":null,\"visibility\":\"private\"}",
                        "{}"));
        insert(
                jdbc,
                new StoredEvent(
                        10_002,
                        "Gallery",
                        deleted.toString(),
                        1,
                        UUID.randomUUID().toString(),
                        created.timestamp(),
                        "dev.vitrine.api.gallery.event.GalleryDeleted",
                        "1",
                        "{\"galleryId\":\"" + deleted + "\",\"ownerId\":\"" + deletedOwner + "\"}",
                        "{}"));
        jdbc.update("""
                INSERT INTO deadletterentry (deadletteridentifier, processinggroup, sequenceidentifier, sequenceindex,
                    messagetype, eventidentifier, timestamp, payloadtype, payloadrevision, payload, enqueuedat)
                VALUES ('d1', 'read-model', 'g', 0, 'DomainEventMessage', 'e1', ?, 'dev.vitrine.api.image.ImagePublished',
                    '1', '{}'::bytea, ?)""", created.timestamp(), created.timestamp());

        migrate(database, null);

        UUID galleryId = UUID.fromString(created.aggregateId());
        assertThat(jdbc.queryForList("SELECT gallery_id, owner_id, deleted FROM gallery_lookup ORDER BY deleted"))
                .containsExactly(
                        Map.of("gallery_id", galleryId, "owner_id", ownerOf(created), "deleted", false),
                        Map.of("gallery_id", deleted, "owner_id", deletedOwner, "deleted", true));
        assertThat(jdbc.queryForObject("SELECT payloadtype FROM deadletterentry", String.class))
                .isEqualTo("dev.vitrine.api.image.event.ImagePublished");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class))
                .as("the event store itself is left as it was written")
                .isEqualTo(events.size() + 2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE 'dev.vitrine.api.image.event.%'",
                        Integer.class))
                .isZero();
    }

    private static UUID ownerOf(StoredEvent created) {
        String payload = created.payload();
        int at = payload.indexOf("\"ownerId\":\"") + "\"ownerId\":\"".length();
        return UUID.fromString(payload.substring(at, at + 36));
    }

    private static void migrate(DriverManagerDataSource database, String target) {
        var flyway = Flyway.configure().dataSource(database).locations("classpath:db/migration");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    private static void insert(JdbcTemplate jdbc, StoredEvent event) {
        jdbc.update(
                """
                INSERT INTO domainevententry (globalindex, type, aggregateidentifier, sequencenumber, eventidentifier,
                    timestamp, payloadtype, payloadrevision, payload, metadata)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.globalIndex(),
                event.aggregateType(),
                event.aggregateId(),
                event.sequenceNumber(),
                event.eventId(),
                event.timestamp(),
                event.payloadType(),
                event.payloadRevision(),
                event.payload().getBytes(StandardCharsets.UTF_8),
                event.metaData().getBytes(StandardCharsets.UTF_8));
    }
}
