package dev.vitrine.eventlog.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.audit.HistoryEntry;
import dev.vitrine.api.metadata.EventMetadata;
import dev.vitrine.eventlog.chain.EventChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A gallery's events and its images' events, in log order, read from the event store itself (the log only says
 * which stored events belong to the gallery). Deleted galleries keep their history.
 */
@Component
class GalleryHistory {

    /** A stored event of the gallery, as the store holds it. */
    record Stored(
            long position,
            long globalIndex,
            String eventId,
            String type,
            String revision,
            String aggregateType,
            String aggregateId,
            long sequenceNumber,
            String timestamp,
            byte[] payload,
            byte[] metadata) {

        Instant instant() {
            return DateTimeUtils.parseInstant(timestamp);
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    GalleryHistory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Stored> after(UUID galleryId, long position, int limit) {
        return jdbc.query(
                """
                SELECT l.position, e.globalindex, e.eventidentifier, e.payloadtype, e.payloadrevision,
                       e.type, e.aggregateidentifier, e.sequencenumber, e.timestamp, e.payload, e.metadata
                FROM event_log l JOIN domainevententry e ON e.globalindex = l.global_index
                WHERE l.gallery_id = ? AND l.position > ? ORDER BY l.position LIMIT ?""",
                (rs, n) -> new Stored(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getLong(8),
                        rs.getString(9),
                        rs.getBytes(10),
                        rs.getBytes(11)),
                galleryId,
                position,
                limit);
    }

    /** Whether the log knows the gallery at all. */
    boolean known(UUID galleryId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM event_log WHERE gallery_id = ?)", Boolean.class, galleryId));
    }

    List<String> aggregates(UUID galleryId) {
        return jdbc.queryForList(
                "SELECT DISTINCT aggregate_id FROM event_log WHERE gallery_id = ?", String.class, galleryId);
    }

    HistoryEntry entry(Stored stored) {
        Map<String, Object> metadata = EventChain.metadata(stored.metadata());
        String type = stored.type().substring(stored.type().lastIndexOf('.') + 1);
        return new HistoryEntry(
                stored.position(),
                stored.globalIndex(),
                stored.eventId(),
                type,
                stored.revision(),
                stored.aggregateId(),
                stored.sequenceNumber(),
                stored.instant(),
                text(metadata, EventMetadata.ACTOR_ID),
                text(metadata, EventMetadata.CORRELATION_ID),
                text(metadata, EventMetadata.CAUSATION_ID),
                text(metadata, EventMetadata.REQUEST_ID),
                text(metadata, EventMetadata.REASON),
                tree(stored.payload()),
                text(metadata, EventChain.METADATA_KEY));
    }

    JsonNode tree(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Map<String, Object> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
