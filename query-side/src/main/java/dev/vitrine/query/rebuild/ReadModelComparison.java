package dev.vitrine.query.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.admin.ReadModelDifference;
import dev.vitrine.query.projection.ReadModelTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares two read models while both keep moving, inside one snapshot of the database. Both have applied every
 * event up to {@code upTo} (the lower of their processors' positions); a row whose last event is later than that in
 * either is left out, since it may legitimately differ. Every other row must be identical, column for column.
 */
final class ReadModelComparison {

    static final int SHOWN = 20;
    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {};

    record Result(long comparedRows, long differenceCount, List<ReadModelDifference> differences) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReadModelComparison(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** To be called in a REPEATABLE READ transaction that also read {@code upTo}. */
    Result compare(ReadModelTables live, ReadModelTables rebuilt, long upTo) {
        long compared = 0;
        long count = 0;
        List<ReadModelDifference> shown = new ArrayList<>();
        for (String[] pair : new String[][] {
            {live.galleries(), rebuilt.galleries()},
            {live.images(), rebuilt.images()},
            {live.imageSearch(), rebuilt.imageSearch()}
        }) {
            compared += jdbc.queryForObject("""
                    SELECT count(*) FROM %s l JOIN %s r ON r.id = l.id
                    WHERE l.last_event_index <= ? AND r.last_event_index <= ?""".formatted(pair[0], pair[1]), Long.class, upTo, upTo);
            String differs = """
                    FROM %s l FULL JOIN %s r ON r.id = l.id
                    WHERE (r.id IS NULL AND l.last_event_index <= ?)
                       OR (l.id IS NULL AND r.last_event_index <= ?)
                       OR (l.last_event_index <= ? AND r.last_event_index <= ? AND (l.*) IS DISTINCT FROM (r.*))""".formatted(pair[0], pair[1]);
            count += jdbc.queryForObject("SELECT count(*) " + differs, Long.class, upTo, upTo, upTo, upTo);
            List<Map<String, Object>> differing =
                    jdbc.queryForList("""
                    SELECT coalesce(l.id, r.id)::text AS key, row_to_json(l)::text AS live,
                           row_to_json(r)::text AS rebuilt %s LIMIT %d""".formatted(differs, SHOWN), upTo, upTo, upTo, upTo);
            for (Map<String, Object> row : differing) {
                if (shown.size() < SHOWN) {
                    shown.add(difference(
                            pair[0], (String) row.get("key"), (String) row.get("live"), (String) row.get("rebuilt")));
                }
            }
        }
        String bucketsDiffer = """
                FROM %s l FULL JOIN %s r ON r.gallery_id = l.gallery_id AND r.list = l.list AND r.bucket = l.bucket
                WHERE coalesce(l.images, 0) <> coalesce(r.images, 0)
                  AND coalesce(l.gallery_id, r.gallery_id) IN (
                      SELECT lg.id FROM %s lg JOIN %s rg ON rg.id = lg.id
                      WHERE lg.last_event_index <= ? AND rg.last_event_index <= ?)""".formatted(live.buckets(), rebuilt.buckets(), live.galleries(), rebuilt.galleries());
        count += jdbc.queryForObject("SELECT count(*) " + bucketsDiffer, Long.class, upTo, upTo);
        List<Map<String, Object>> buckets = jdbc.queryForList("""
                SELECT coalesce(l.gallery_id, r.gallery_id)::text || '/' || coalesce(l.list, r.list) || '/'
                           || coalesce(l.bucket, r.bucket) AS key, l.images AS live, r.images AS rebuilt %s LIMIT %d""".formatted(bucketsDiffer, SHOWN), upTo, upTo);
        for (Map<String, Object> row : buckets) {
            if (shown.size() < SHOWN) {
                shown.add(new ReadModelDifference(
                        live.buckets(),
                        (String) row.get("key"),
                        ReadModelDifference.Kind.DIFFERS,
                        List.of("images"),
                        Map.of("images", Objects.requireNonNullElse(row.get("live"), 0)),
                        Map.of("images", Objects.requireNonNullElse(row.get("rebuilt"), 0))));
            }
        }
        return new Result(compared, count, shown);
    }

    /** One row that is not the same in both, told column by column (rows as {@code row_to_json} gives them). */
    ReadModelDifference difference(String table, String key, String live, String rebuilt) {
        if (live == null) {
            return new ReadModelDifference(
                    table, key, ReadModelDifference.Kind.MISSING_IN_LIVE, List.of(), null, read(rebuilt));
        }
        if (rebuilt == null) {
            return new ReadModelDifference(
                    table, key, ReadModelDifference.Kind.MISSING_IN_REBUILT, List.of(), read(live), null);
        }
        Map<String, Object> liveRow = read(live);
        Map<String, Object> rebuiltRow = read(rebuilt);
        Map<String, Object> liveColumns = new LinkedHashMap<>();
        Map<String, Object> rebuiltColumns = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        liveRow.forEach((column, value) -> {
            if (!Objects.equals(value, rebuiltRow.get(column))) {
                columns.add(column);
                liveColumns.put(column, value);
                rebuiltColumns.put(column, rebuiltRow.get(column));
            }
        });
        return new ReadModelDifference(
                table, key, ReadModelDifference.Kind.DIFFERS, columns, liveColumns, rebuiltColumns);
    }

    private Map<String, Object> read(String row) {
        try {
            return json.readValue(row, ROW);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("row_to_json gives JSON", e);
        }
    }
}
