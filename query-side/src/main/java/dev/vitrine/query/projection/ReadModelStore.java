package dev.vitrine.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads and writes a read model's rows through JDBC, inside the transaction of the processor's batch: the rows and
 * the processor's token commit together. Rows are written whole, many per statement.
 */
final class ReadModelStore implements RowStore {

    private static final TypeReference<List<StoredVariant>> VARIANTS = new TypeReference<>() {};
    private static final String GALLERY_COLUMNS = """
            id, owner_id, name, description, visibility, cover_image_id, image_count, confirmed_count, next_position,
            created_at, updated_at, deleted, version, last_event_index""";
    private static final String IMAGE_COLUMNS = """
            id, gallery_id, filename, content_type, size, alt, status, width, height, aspect_ratio, blurhash, variants,
            pending, published_generation, problem_code, problem_message, requested_at, uploaded_at, position,
            deleted, version, last_event_index""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ReadModelTables tables;

    ReadModelStore(JdbcTemplate jdbc, ObjectMapper json, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.json = json;
        this.tables = tables;
    }

    @Override
    public Map<UUID, GalleryState> galleries(Collection<UUID> ids) {
        Map<UUID, GalleryState> found = new HashMap<>();
        jdbc.query(
                "SELECT " + GALLERY_COLUMNS + " FROM " + tables.galleries() + " WHERE id = ANY(?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids.toArray())),
                row -> {
                    GalleryState gallery = readGallery(row);
                    found.put(gallery.id, gallery);
                });
        return found;
    }

    @Override
    public Map<UUID, ImageState> images(Collection<UUID> ids) {
        Map<UUID, ImageState> found = new HashMap<>();
        jdbc.query(
                "SELECT " + IMAGE_COLUMNS + " FROM " + tables.images() + " WHERE id = ANY(?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids.toArray())),
                row -> {
                    ImageState image = readImage(row);
                    found.put(image.id, image);
                });
        return found;
    }

    @Override
    public void save(
            Collection<GalleryState> galleries, Collection<ImageState> images, Map<BucketKey, Integer> buckets) {
        if (!galleries.isEmpty()) {
            jdbc.batchUpdate(
                    upsert(tables.galleries(), GALLERY_COLUMNS), new ArrayList<>(galleries), 1000, this::writeGallery);
        }
        if (!images.isEmpty()) {
            jdbc.batchUpdate(upsert(tables.images(), IMAGE_COLUMNS), new ArrayList<>(images), 1000, this::writeImage);
        }
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

    private static String upsert(String table, String columns) {
        String[] names = columns.replace("\n", " ").split(",\\s*");
        StringBuilder sql = new StringBuilder("INSERT INTO ")
                .append(table)
                .append(" (")
                .append(columns)
                .append(") VALUES (");
        for (int i = 0; i < names.length; i++) {
            String name = names[i].trim();
            sql.append(i == 0 ? "" : ", ").append(name.equals("variants") || name.equals("pending") ? "?::jsonb" : "?");
        }
        sql.append(") ON CONFLICT (id) DO UPDATE SET ");
        for (int i = 1; i < names.length; i++) {
            String name = names[i].trim();
            sql.append(i == 1 ? "" : ", ").append(name).append(" = EXCLUDED.").append(name);
        }
        return sql.toString();
    }

    private static GalleryState readGallery(ResultSet row) throws SQLException {
        GalleryState gallery = new GalleryState(row.getObject("id", UUID.class));
        gallery.ownerId = row.getObject("owner_id", UUID.class);
        gallery.name = row.getString("name");
        gallery.description = row.getString("description");
        gallery.visibility = row.getString("visibility");
        gallery.coverImageId = row.getObject("cover_image_id", UUID.class);
        gallery.imageCount = row.getInt("image_count");
        gallery.confirmedCount = row.getInt("confirmed_count");
        gallery.nextPosition = row.getLong("next_position");
        gallery.createdAt = instant(row, "created_at");
        gallery.updatedAt = instant(row, "updated_at");
        gallery.deleted = row.getBoolean("deleted");
        gallery.version = row.getLong("version");
        gallery.lastEventIndex = row.getLong("last_event_index");
        return gallery;
    }

    private void writeGallery(PreparedStatement statement, GalleryState gallery) throws SQLException {
        statement.setObject(1, gallery.id);
        statement.setObject(2, gallery.ownerId);
        statement.setString(3, gallery.name);
        statement.setString(4, gallery.description);
        statement.setString(5, gallery.visibility);
        statement.setObject(6, gallery.coverImageId, Types.OTHER);
        statement.setInt(7, gallery.imageCount);
        statement.setInt(8, gallery.confirmedCount);
        statement.setLong(9, gallery.nextPosition);
        statement.setObject(10, timestamp(gallery.createdAt));
        statement.setObject(11, timestamp(gallery.updatedAt));
        statement.setBoolean(12, gallery.deleted);
        statement.setLong(13, gallery.version);
        statement.setLong(14, gallery.lastEventIndex);
    }

    private ImageState readImage(ResultSet row) throws SQLException {
        ImageState image = new ImageState(row.getObject("id", UUID.class), row.getObject("gallery_id", UUID.class));
        image.filename = row.getString("filename");
        image.contentType = row.getString("content_type");
        image.size = row.getLong("size");
        image.alt = row.getString("alt");
        image.status = row.getString("status");
        image.width = row.getObject("width", Integer.class);
        image.height = row.getObject("height", Integer.class);
        image.aspectRatio = row.getObject("aspect_ratio", Double.class);
        image.blurhash = row.getString("blurhash");
        image.variants = variants(row.getString("variants"));
        image.pending = variants(row.getString("pending"));
        image.publishedGeneration = row.getInt("published_generation");
        image.problemCode = row.getString("problem_code");
        image.problemMessage = row.getString("problem_message");
        image.requestedAt = instant(row, "requested_at");
        image.uploadedAt = instant(row, "uploaded_at");
        image.position = row.getObject("position", Long.class);
        image.deleted = row.getBoolean("deleted");
        image.version = row.getLong("version");
        image.lastEventIndex = row.getLong("last_event_index");
        return image;
    }

    private void writeImage(PreparedStatement statement, ImageState image) throws SQLException {
        statement.setObject(1, image.id);
        statement.setObject(2, image.galleryId);
        statement.setString(3, image.filename);
        statement.setString(4, image.contentType);
        statement.setLong(5, image.size);
        statement.setString(6, image.alt);
        statement.setString(7, image.status);
        statement.setObject(8, image.width, Types.INTEGER);
        statement.setObject(9, image.height, Types.INTEGER);
        statement.setObject(10, image.aspectRatio, Types.DOUBLE);
        statement.setString(11, image.blurhash);
        statement.setString(12, json(image.variants));
        statement.setString(13, json(image.pending));
        statement.setInt(14, image.publishedGeneration);
        statement.setString(15, image.problemCode);
        statement.setString(16, image.problemMessage);
        statement.setObject(17, timestamp(image.requestedAt));
        statement.setObject(18, timestamp(image.uploadedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setObject(19, image.position, Types.BIGINT);
        statement.setBoolean(20, image.deleted);
        statement.setLong(21, image.version);
        statement.setLong(22, image.lastEventIndex);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime timestamp = row.getObject(column, OffsetDateTime.class);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private List<StoredVariant> variants(String text) {
        try {
            return text == null ? List.of() : List.copyOf(json.readValue(text, VARIANTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored variants are not a variant list: " + text, e);
        }
    }

    private String json(List<StoredVariant> variants) {
        try {
            return json.writeValueAsString(variants);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("variants are always JSON", e);
        }
    }
}
