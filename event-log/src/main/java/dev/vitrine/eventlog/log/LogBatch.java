package dev.vitrine.eventlog.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.ImageEvent;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.image.event.ImagePublished;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The log entries of one batch of events, written together when the batch's transaction commits: the galleries'
 * audiences and the images published, then the entries in one statement (which answers them as readers will see
 * them: by the galleries' audiences after the batch), then what the listeners add (webhook deliveries).
 */
final class LogBatch {

    record Entry(
            String eventId,
            String aggregateId,
            long aggregateSequence,
            UUID galleryId,
            Instant occurredAt,
            PublicEvents.Published published,
            Reach reach,
            UUID ownerId) {}

    /** An event as the processor handed it over; its entry is made when the batch is written. */
    private record Handed(
            GalleryEvent event, String eventId, String aggregateId, long aggregateSequence, Instant occurredAt) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PublicEvents publicEvents;
    private final List<Handed> handed = new ArrayList<>();
    private final Map<UUID, GalleryAudience> audiences = new HashMap<>();
    private final Map<UUID, GalleryAudience> changed = new HashMap<>();
    /** The batch's images published before it or in it, and those of them published in it. */
    private final Set<UUID> publishedImages = new HashSet<>();

    private final Set<UUID> newlyPublished = new HashSet<>();

    LogBatch(JdbcTemplate jdbc, ObjectMapper json, PublicEvents publicEvents) {
        this.jdbc = jdbc;
        this.json = json;
        this.publicEvents = publicEvents;
    }

    void add(GalleryEvent event, String eventId, String aggregateId, long aggregateSequence, Instant occurredAt) {
        handed.add(new Handed(event, eventId, aggregateId, aggregateSequence, occurredAt));
    }

    /**
     * Each event's audience follows from its gallery's before it and from whether its image is published yet, in
     * the order the events came.
     */
    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(handed.size());
        loadAudiences(handed.stream().map(h -> h.event().galleryId()).distinct().toList());
        loadPublished(handed.stream()
                .map(Handed::event)
                .filter(ImageEvent.class::isInstance)
                .map(event -> ((ImageEvent) event).imageId())
                .distinct()
                .toList());
        for (Handed h : handed) {
            UUID galleryId = h.event().galleryId();
            GalleryAudience before = audiences.get(galleryId);
            GalleryAudience after = before.after(h.event());
            if (!after.equals(before)) {
                audiences.put(galleryId, after);
                changed.put(galleryId, after);
            }
            entries.add(new Entry(
                    h.eventId(),
                    h.aggregateId(),
                    h.aggregateSequence(),
                    galleryId,
                    h.occurredAt(),
                    publicEvents.of(h.event(), after.visibility()).orElse(null),
                    before.reach(h.event(), after, imagePublished(h.event())),
                    after.ownerId()));
        }
        return entries;
    }

    /** Whether the event's image is published by it or was before it (always, for a gallery's own events). */
    private boolean imagePublished(GalleryEvent event) {
        if (!(event instanceof ImageEvent image)) {
            return true;
        }
        if (image instanceof ImagePublished && publishedImages.add(image.imageId())) {
            newlyPublished.add(image.imageId());
        }
        return publishedImages.contains(image.imageId());
    }

    /** Writes the batch; answers the public events written, with their positions. */
    List<LogRecord> flush() {
        if (handed.isEmpty()) {
            return List.of();
        }
        List<Entry> entries = entries();
        // the audiences first: the insert answers each entry as readers will see it, by its gallery's audience
        // after the batch (a gallery made private within the batch takes its earlier entries along)
        saveChanged();
        savePublished();
        return insert(entries);
    }

    private List<LogRecord> insert(List<Entry> entries) {
        int n = entries.size();
        Object[][] columns = new Object[11][n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            Object[] row = {
                e.eventId(),
                e.aggregateId(),
                e.aggregateSequence(),
                e.galleryId(),
                Timestamp.from(e.occurredAt()),
                e.published() == null ? null : e.published().type(),
                e.published() == null ? null : e.published().subject(),
                e.published() == null ? null : write(e.published().data()),
                e.reach().restricted(),
                e.reach().announcement(),
                e.ownerId()
            };
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        String[] types = {
            "text", "text", "bigint", "uuid", "timestamptz", "text", "text", "text", "boolean", "boolean", "uuid"
        };
        return jdbc
                .query(
                        con -> {
                            // the event's own index, from the store: a processor's token is no event's index once it
                            // has
                            // filled a gap (an event committed after a later one), and two entries would claim the same
                            // index
                            var statement = con.prepareStatement("""
                    INSERT INTO event_log (global_index, event_id, aggregate_id, aggregate_sequence, gallery_id,
                        occurred_at, public_type, subject, data, restricted, announcement, owner_id)
                    SELECT (SELECT globalindex FROM domainevententry WHERE eventidentifier = e), e, a, s, gal, t,
                        pt, subj, d::jsonb, r, an, o
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY
                        AS x(e, a, s, gal, t, pt, subj, d, r, an, o, n)
                    ORDER BY n
                    ON CONFLICT (event_id) DO NOTHING
                    RETURNING\s""" + IntegrationLog.COLUMNS);
                            for (int c = 0; c < columns.length; c++) {
                                Array array = con.createArrayOf(types[c], columns[c]);
                                statement.setArray(c + 1, array);
                            }
                            return statement;
                        },
                        (rs, row) -> rs.getString(5) == null
                                ? null
                                : new LogRecord(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        rs.getObject(3, UUID.class),
                                        rs.getTimestamp(4).toInstant(),
                                        rs.getString(5),
                                        rs.getString(6),
                                        read(rs.getString(7)),
                                        rs.getBoolean(8),
                                        rs.getObject(9, UUID.class)))
                .stream()
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(LogRecord::position))
                .toList();
    }

    /** The audiences of the batch's galleries as last logged, in one query (unknown for a gallery not seen yet). */
    private void loadAudiences(List<UUID> galleryIds) {
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            "SELECT gallery_id, owner_id, visibility, deleted FROM event_log_gallery WHERE gallery_id = ANY (?)");
                    statement.setArray(1, con.createArrayOf("uuid", galleryIds.toArray()));
                    return statement;
                },
                (RowCallbackHandler) rs -> audiences.put(
                        rs.getObject(1, UUID.class),
                        new GalleryAudience(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                Visibility.fromWireName(rs.getString(3)),
                                rs.getBoolean(4))));
        galleryIds.forEach(id -> audiences.computeIfAbsent(id, GalleryAudience::unknown));
    }

    /** Which of the batch's images were published before it, in one query. */
    private void loadPublished(List<UUID> imageIds) {
        if (imageIds.isEmpty()) {
            return;
        }
        publishedImages.addAll(jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            "SELECT image_id FROM event_log_published_image WHERE image_id = ANY (?)");
                    statement.setArray(1, con.createArrayOf("uuid", imageIds.toArray()));
                    return statement;
                },
                (rs, n) -> rs.getObject(1, UUID.class)));
    }

    /** The images published in the batch, in one round trip. */
    private void savePublished() {
        if (!newlyPublished.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO event_log_published_image (image_id) VALUES (?) ON CONFLICT DO NOTHING",
                    newlyPublished.stream().map(id -> new Object[] {id}).toList());
        }
    }

    /** The batch's changed audiences, in one round trip. */
    private void saveChanged() {
        List<Object[]> rows = changed.values().stream()
                .filter(audience -> audience.ownerId() != null)
                .map(audience -> new Object[] {
                    audience.galleryId(),
                    audience.ownerId(),
                    audience.visibility().wireName(),
                    audience.deleted(),
                    audience.isPublic()
                })
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO event_log_gallery (gallery_id, owner_id, visibility, deleted, is_public)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (gallery_id) DO UPDATE SET owner_id = excluded.owner_id, visibility = excluded.visibility,
                    deleted = excluded.deleted, is_public = excluded.is_public""", rows);
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("integration data is always JSON", e);
        }
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
