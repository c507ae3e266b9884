package dev.vitrine.query.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.admin.ReadModelDifference;
import dev.vitrine.api.admin.ReadModelRebuildView;
import dev.vitrine.api.admin.RebuildState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rebuild's state in {@code read_model_rebuild}, so that any node can tell how it goes. A rebuild whose node
 * stopped reporting for {@link #ABANDONED_AFTER} counts as abandoned and may be started again.
 */
final class RebuildRecord {

    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);
    private static final TypeReference<List<ReadModelDifference>> DIFFERENCES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RebuildRecord(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Takes the rebuild for this node; false when one is running elsewhere. */
    boolean begin(boolean swap, String node) {
        return jdbc.update(
                        """
                INSERT INTO read_model_rebuild (id, state, swap, node, started_at, updated_at)
                VALUES (1, ?, ?, ?, now(), now())
                ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, swap = EXCLUDED.swap, node = EXCLUDED.node,
                    started_at = now(), updated_at = now(), finished_at = NULL, events_total = 0, events_done = 0,
                    events_per_second = NULL, eta_seconds = NULL, compared_rows = NULL, difference_count = NULL,
                    differences = NULL, message = NULL
                WHERE read_model_rebuild.state IN (?, ?)
                   OR read_model_rebuild.updated_at < now() - make_interval(secs => ?)""",
                        RebuildState.REPLAYING.wireName(),
                        swap,
                        node,
                        RebuildState.FINISHED.wireName(),
                        RebuildState.FAILED.wireName(),
                        ABANDONED_AFTER.toSeconds())
                == 1;
    }

    void progress(RebuildState state, long total, long done, Double rate, Long eta) {
        jdbc.update("""
                UPDATE read_model_rebuild SET state = ?, events_total = ?, events_done = ?, events_per_second = ?,
                                              eta_seconds = ?, updated_at = now()
                WHERE id = 1""", state.wireName(), total, done, rate, eta);
    }

    void state(RebuildState state) {
        jdbc.update("UPDATE read_model_rebuild SET state = ?, updated_at = now() WHERE id = 1", state.wireName());
    }

    void compared(long rows, long count, List<ReadModelDifference> differences) {
        jdbc.update("""
                UPDATE read_model_rebuild SET compared_rows = ?, difference_count = ?, differences = ?::jsonb,
                                              updated_at = now()
                WHERE id = 1""", rows, count, write(differences));
    }

    void finish(RebuildState state, String message) {
        jdbc.update("""
                UPDATE read_model_rebuild SET state = ?, message = ?, finished_at = now(), updated_at = now(),
                                              eta_seconds = NULL
                WHERE id = 1""", state.wireName(), message);
    }

    Optional<ReadModelRebuildView> read() {
        return jdbc.query("SELECT * FROM read_model_rebuild WHERE id = 1", this::view).stream()
                .findFirst();
    }

    private ReadModelRebuildView view(ResultSet row, int number) throws SQLException {
        String differences = row.getString("differences");
        return new ReadModelRebuildView(
                RebuildState.fromWireName(row.getString("state")),
                row.getBoolean("swap"),
                row.getString("node"),
                instant(row, "started_at"),
                instant(row, "updated_at"),
                instant(row, "finished_at"),
                row.getLong("events_total"),
                row.getLong("events_done"),
                row.getObject("events_per_second", Double.class),
                row.getObject("eta_seconds", Long.class),
                row.getObject("compared_rows", Long.class),
                row.getObject("difference_count", Long.class),
                differences == null ? List.of() : read(differences),
                row.getString("message"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private String write(List<ReadModelDifference> differences) {
        try {
            return json.writeValueAsString(differences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("differences are always JSON", e);
        }
    }

    private List<ReadModelDifference> read(String differences) {
        try {
            return json.readValue(differences, DIFFERENCES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored differences are not a list: " + differences, e);
        }
    }
}
