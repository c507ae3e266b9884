package dev.vitrine.eventlog.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vitrine.api.operations.PublicAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads the integration log's public events by position, for the channels that deliver them, each with whether it
 * is restricted as of the reading (see {@link #RESTRICTED_NOW}).
 */
@Component
public class IntegrationLog {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    private final PublicAddress address;

    IntegrationLog(JdbcTemplate jdbc, ObjectMapper json, PublicAddress address) {
        this.jdbc = jdbc;
        this.json = json;
        this.address = address;
    }

    /** Up to {@code limit} public events after {@code position} that {@code filter} lets through, oldest first. */
    public List<LogRecord> after(long position, LogFilter filter, int limit) {
        return between(position, Long.MAX_VALUE, filter, limit);
    }

    /** The same, up to position {@code upTo} at most. */
    public List<LogRecord> between(long position, long upTo, LogFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM event_log WHERE public_type IS NOT NULL"
                + " AND position > ? AND position <= ?");
        List<Object> arguments = new ArrayList<>(List.of(position, upTo));
        if (!filter.wantsAllTypes()) {
            sql.append(" AND public_type = ANY (?)");
            arguments.add(filter.types().toArray(String[]::new));
        }
        if (filter.galleryId() != null) {
            sql.append(" AND gallery_id = ?");
            arguments.add(filter.galleryId());
        }
        if (!filter.reader().mayAudit()) {
            sql.append(" AND (NOT " + RESTRICTED_NOW + " OR owner_id = ?)");
            arguments.add(filter.reader().userId());
        }
        sql.append(" ORDER BY position LIMIT ?");
        arguments.add(limit);
        return jdbc.query(
                con -> {
                    var statement = con.prepareStatement(sql.toString());
                    for (int i = 0; i < arguments.size(); i++) {
                        Object argument = arguments.get(i);
                        if (argument instanceof String[] array) {
                            statement.setArray(i + 1, con.createArrayOf("text", array));
                        } else {
                            statement.setObject(i + 1, argument);
                        }
                    }
                    return statement;
                },
                rows);
    }

    /** The highest position the log has reached. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM event_log", Long.class);
        return head == null ? 0 : head;
    }

    /**
     * Whether an entry is, at the time it is read, for its gallery's owner, administrators and auditors only: it was
     * so when logged ({@link Reach#OWNER}), or it was for the gallery's visitors and the gallery is no longer public
     * (made private or unlisted, or deleted: {@link GalleryAudience#isPublic} as the log writer last stored it).
     * News of such a change ({@link Reach#EVERYONE}) stays public. Asked at every read rather than written into
     * past entries: positions never change, a reader resumes where it was, and a gallery made public again shows
     * what it showed before (never what happened while it was not public).
     */
    static final String RESTRICTED_NOW = "(event_log.restricted OR NOT (event_log.announcement OR EXISTS ("
            + "SELECT 1 FROM event_log_gallery audience WHERE audience.gallery_id = event_log.gallery_id"
            + " AND audience.is_public)))";

    static final String COLUMNS = "position, event_id, gallery_id, occurred_at, public_type, subject, data, "
            + RESTRICTED_NOW + " AS restricted, owner_id";

    private final RowMapper<LogRecord> rows = this::read;

    private LogRecord read(ResultSet rs, int n) throws SQLException {
        try {
            return new LogRecord(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getObject(3, UUID.class),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5),
                    rs.getString(6),
                    absolute(json.readTree(rs.getString(7))),
                    rs.getBoolean(8),
                    rs.getObject(9, UUID.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable data in the event log at " + rs.getLong(1), e);
        }
    }

    /**
     * Entries logged before event URLs were absolute kept the variant's path ({@code /media/…}); they go out under
     * the events' address too. The stored entry is left as it was logged.
     */
    private JsonNode absolute(JsonNode data) {
        if (data instanceof ObjectNode object
                && object.get("url") instanceof TextNode url
                && url.textValue().startsWith("/")) {
            object.put("url", address.ofEvents() + url.textValue());
        }
        return data;
    }
}
