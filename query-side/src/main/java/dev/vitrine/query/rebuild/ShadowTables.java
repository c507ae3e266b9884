package dev.vitrine.query.rebuild;

import dev.vitrine.query.projection.ReadModelTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables a rebuild writes beside the live ones ({@code _next}), and the swap that makes them live while the
 * replaced ones are kept as {@code _previous} until the next rebuild. Indexes follow their tables' names, so that
 * later migrations find them where they expect.
 */
final class ShadowTables {

    static final ReadModelTables NEXT = ReadModelTables.suffixed("_next");
    static final ReadModelTables PREVIOUS = ReadModelTables.suffixed("_previous");

    private final JdbcTemplate jdbc;

    ShadowTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create(ReadModelTables tables) {
        drop(tables);
        List<String> live = ReadModelTables.LIVE.all();
        List<String> shadow = tables.all();
        for (int i = 0; i < live.size(); i++) {
            jdbc.execute("CREATE TABLE " + shadow.get(i) + " (LIKE " + live.get(i) + " INCLUDING ALL)");
        }
    }

    void drop(ReadModelTables tables) {
        tables.all().forEach(table -> jdbc.execute("DROP TABLE IF EXISTS " + table));
    }

    /** Within the caller's transaction, which holds the live tables locked. */
    void swap() {
        drop(PREVIOUS);
        List<String> live = ReadModelTables.LIVE.all();
        List<String> next = NEXT.all();
        List<String> previous = PREVIOUS.all();
        for (int i = 0; i < live.size(); i++) {
            Map<String, String> liveIndexes = indexes(live.get(i));
            Map<String, String> nextIndexes = indexes(next.get(i));
            for (String index : liveIndexes.keySet()) {
                jdbc.execute("ALTER INDEX " + index + " RENAME TO " + retired(index));
            }
            jdbc.execute("ALTER TABLE " + live.get(i) + " RENAME TO " + previous.get(i));
            jdbc.execute("ALTER TABLE " + next.get(i) + " RENAME TO " + live.get(i));
            for (Map.Entry<String, String> index : nextIndexes.entrySet()) {
                String name = liveIndexes.entrySet().stream()
                        .filter(e -> e.getValue().equals(index.getValue()))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no live index like " + index.getValue()));
                jdbc.execute("ALTER INDEX " + index.getKey() + " RENAME TO " + name);
            }
        }
    }

    /** Each index of the table by name, with its definition stripped of index and table names. */
    private Map<String, String> indexes(String table) {
        Map<String, String> indexes = new HashMap<>();
        jdbc.query(
                """
                        SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
                        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                        WHERE i.indrelid = ?::regclass""",
                row -> {
                    indexes.put(
                            row.getString("name"),
                            row.getString("definition").replaceFirst("INDEX \\S+ ON \\S+ ", "INDEX ON "));
                },
                table);
        return indexes;
    }

    private static String retired(String index) {
        String name = index + "_previous";
        return name.length() <= 63 ? name : name.substring(name.length() - 63);
    }
}
