package dev.vitrine.query.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads and writes a read model's rows through JDBC, inside the transaction of the processor's batch: the rows and
 * the processor's token commit together. Rows are written whole, many per statement, as their tables describe them.
 */
final class ReadModelStore implements RowStore {

    private final JdbcTemplate jdbc;
    private final ReadModelTables tables;

    ReadModelStore(JdbcTemplate jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public Map<UUID, GalleryRow> galleries(Collection<UUID> ids) {
        return load(GalleryRow.TABLE, tables.galleries(), ids, GalleryRow::id);
    }

    @Override
    public Map<UUID, ImageRow> images(Collection<UUID> ids) {
        return load(ImageRow.TABLE, tables.images(), ids, ImageRow::id);
    }

    @Override
    public void save(Collection<GalleryRow> galleries, Collection<ImageRow> images, Map<BucketKey, Integer> buckets) {
        write(GalleryRow.TABLE, tables.galleries(), galleries);
        write(ImageRow.TABLE, tables.images(), images);
        List<Map.Entry<BucketKey, Integer>> changed =
                buckets.entrySet().stream().filter(e -> e.getValue() != 0).toList();
        if (!changed.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO " + tables.buckets() + " (gallery_id, list, bucket, images) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (gallery_id, list, bucket) DO UPDATE SET images = "
                            + tables.buckets() + ".images + EXCLUDED.images",
                    changed,
                    1000,
                    (statement, entry) -> {
                        statement.setObject(1, entry.getKey().galleryId());
                        statement.setString(2, entry.getKey().list().wireName());
                        statement.setLong(3, entry.getKey().bucket());
                        statement.setInt(4, entry.getValue());
                    });
        }
    }

    private <R> Map<UUID, R> load(RowTable<R> table, String name, Collection<UUID> ids, Function<R, UUID> key) {
        Map<UUID, R> found = new HashMap<>();
        jdbc.query(
                "SELECT " + String.join(", ", table.names()) + " FROM " + name + " WHERE id = ANY(?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids.toArray())),
                row -> {
                    R read = table.read(row);
                    found.put(key.apply(read), read);
                });
        return found;
    }

    private <R> void write(RowTable<R> table, String name, Collection<R> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(table.upsert(name), new ArrayList<>(rows), 1000, table::write);
        }
    }
}
