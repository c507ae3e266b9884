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
        searchable(galleries, images);
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

    /**
     * Keeps {@code image_search} beside {@code image_view}: a row for each published image, none for any other; and
     * remembers the words of what changed, for corrections (the rules: V31__search.sql).
     */
    private void searchable(Collection<GalleryRow> galleries, Collection<ImageRow> images) {
        List<ImageRow> published = images.stream().filter(ImageRow::isPublished).toList();
        Object[] hidden = images.stream()
                .filter(image -> !image.isPublished())
                .map(ImageRow::id)
                .toArray();
        if (hidden.length > 0) {
            jdbc.update(
                    "DELETE FROM " + tables.imageSearch() + " WHERE id = ANY(?)",
                    statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", hidden)));
        }
        if (!published.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO " + tables.imageSearch()
                            + " (id, gallery_id, alt, tags, filename, camera, uploaded_at, last_event_index)"
                            + " VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                            + " gallery_id = EXCLUDED.gallery_id, alt = EXCLUDED.alt, tags = EXCLUDED.tags,"
                            + " filename = EXCLUDED.filename, camera = EXCLUDED.camera,"
                            + " uploaded_at = EXCLUDED.uploaded_at, last_event_index = EXCLUDED.last_event_index",
                    published,
                    1000,
                    (statement, image) -> {
                        ColumnType.UUID_TYPE.write(statement, 1, image.id);
                        ColumnType.UUID_TYPE.write(statement, 2, image.galleryId);
                        ColumnType.TEXT.write(statement, 3, image.alt);
                        ColumnType.TAGS.write(statement, 4, image.tags);
                        ColumnType.TEXT.write(statement, 5, image.filename);
                        ColumnType.TEXT.write(statement, 6, image.capture == null ? null : image.capture.camera());
                        ColumnType.TIMESTAMP.write(statement, 7, image.uploadedAt);
                        ColumnType.BIGINT.write(statement, 8, image.lastEventIndex);
                    });
        }
        Object[] imageIds = published.stream().map(ImageRow::id).toArray();
        Object[] galleryIds = galleries.stream().map(GalleryRow::id).toArray();
        if (imageIds.length > 0 || galleryIds.length > 0) {
            jdbc.update(
                    "INSERT INTO search_term (term) SELECT search_terms(document) FROM " + tables.imageSearch()
                            + " WHERE id = ANY(?) UNION SELECT search_terms(search) FROM " + tables.galleries()
                            + " WHERE id = ANY(?) ON CONFLICT DO NOTHING",
                    statement -> {
                        statement.setArray(1, statement.getConnection().createArrayOf("uuid", imageIds));
                        statement.setArray(2, statement.getConnection().createArrayOf("uuid", galleryIds));
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
