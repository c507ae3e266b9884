package dev.vitrine.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vitrine.api.image.Capture;
import dev.vitrine.api.image.Fingerprint;
import io.r2dbc.spi.Readable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * How the values of one kind of column travel: into a statement and out of a row, through JDBC (the projection,
 * inside the processor's transaction) and through R2DBC (the read API). A value is never converted anywhere else.
 */
interface ColumnType<T> {

    T read(ResultSet row, String column) throws SQLException;

    T read(Readable row, String column);

    void write(PreparedStatement statement, int index, T value) throws SQLException;

    /** The statement parameter for this column ({@code ?}, or with a cast). */
    default String parameter() {
        return "?";
    }

    /** How the column is selected for R2DBC. */
    default String select(String column) {
        return column;
    }

    ColumnType<UUID> UUID_TYPE = simple(UUID.class, Types.OTHER);
    ColumnType<String> TEXT = simple(String.class, Types.VARCHAR);
    ColumnType<Integer> INTEGER = simple(Integer.class, Types.INTEGER);
    ColumnType<Long> BIGINT = simple(Long.class, Types.BIGINT);
    ColumnType<Double> DOUBLE = simple(Double.class, Types.DOUBLE);
    ColumnType<Boolean> BOOLEAN = simple(Boolean.class, Types.BOOLEAN);

    /** TIMESTAMPTZ, as an Instant (JDBC hands it out as an OffsetDateTime). */
    ColumnType<Instant> TIMESTAMP = new ColumnType<>() {
        @Override
        public Instant read(ResultSet row, String column) throws SQLException {
            OffsetDateTime timestamp = row.getObject(column, OffsetDateTime.class);
            return timestamp == null ? null : timestamp.toInstant();
        }

        @Override
        public Instant read(Readable row, String column) {
            return row.get(column, Instant.class);
        }

        @Override
        public void write(PreparedStatement statement, int index, Instant value) throws SQLException {
            statement.setObject(
                    index, value == null ? null : value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    };

    /** JSONB holding a list of stored variants. */
    ColumnType<List<StoredVariant>> VARIANTS = jsonList(new TypeReference<>() {});

    /** JSONB holding an image's tags: an array of strings, for containment ({@code tags @> '["sea"]'}). */
    ColumnType<List<String>> TAGS = jsonList(new TypeReference<>() {});

    /** JSONB holding a gallery's members. */
    ColumnType<List<StoredMember>> MEMBERS = jsonList(new TypeReference<>() {});

    /** JSONB holding how a photo was taken (null when its file said nothing). */
    ColumnType<Capture> CAPTURE = json(new TypeReference<>() {}, null);

    /** BIGINT holding a fingerprint's 64 bits as PostgreSQL keeps them (signed). */
    ColumnType<Fingerprint> FINGERPRINT = new ColumnType<>() {
        @Override
        public Fingerprint read(ResultSet row, String column) throws SQLException {
            Long bits = row.getObject(column, Long.class);
            return bits == null ? null : new Fingerprint(bits);
        }

        @Override
        public Fingerprint read(Readable row, String column) {
            Long bits = row.get(column, Long.class);
            return bits == null ? null : new Fingerprint(bits);
        }

        @Override
        public void write(PreparedStatement statement, int index, Fingerprint value) throws SQLException {
            statement.setObject(index, value == null ? null : value.bits(), Types.BIGINT);
        }
    };

    /** JSONB holding a list of records (never null: an empty list). */
    private static <T> ColumnType<List<T>> jsonList(TypeReference<List<T>> listType) {
        ColumnType<List<T>> column = json(listType, List.of());
        return new ColumnType<>() {
            @Override
            public List<T> read(ResultSet row, String name) throws SQLException {
                return List.copyOf(column.read(row, name));
            }

            @Override
            public List<T> read(Readable row, String name) {
                return List.copyOf(column.read(row, name));
            }

            @Override
            public void write(PreparedStatement statement, int index, List<T> value) throws SQLException {
                column.write(statement, index, value);
            }

            @Override
            public String parameter() {
                return column.parameter();
            }

            @Override
            public String select(String name) {
                return column.select(name);
            }
        };
    }

    /**
     * JSONB holding a value of {@code type}; {@code whenNull} stands for SQL NULL both ways. Dates as ISO text, as
     * anyone reading the column with SQL expects.
     */
    private static <T> ColumnType<T> json(TypeReference<T> type, T whenNull) {
        ObjectMapper json = JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        return new ColumnType<>() {
            @Override
            public T read(ResultSet row, String column) throws SQLException {
                return parse(row.getString(column), column);
            }

            @Override
            public T read(Readable row, String column) {
                return parse(row.get(column, String.class), column);
            }

            @Override
            public void write(PreparedStatement statement, int index, T value) throws SQLException {
                T written = value == null ? whenNull : value;
                try {
                    statement.setString(index, written == null ? null : json.writeValueAsString(written));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a record is always JSON", e);
                }
            }

            @Override
            public String parameter() {
                return "?::jsonb";
            }

            @Override
            public String select(String column) {
                return column + "::text AS " + column;
            }

            private T parse(String text, String column) {
                try {
                    return text == null ? whenNull : json.readValue(text, type);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(column + " is not the JSON it should be: " + text, e);
                }
            }
        };
    }

    /** TEXT holding an enum constant by its wire name (what the API says: "published", "public"). */
    static <E extends Enum<E>> ColumnType<E> wireName(Function<E, String> toText, Function<String, E> fromText) {
        return new ColumnType<>() {
            @Override
            public E read(ResultSet row, String column) throws SQLException {
                return parse(row.getString(column));
            }

            @Override
            public E read(Readable row, String column) {
                return parse(row.get(column, String.class));
            }

            @Override
            public void write(PreparedStatement statement, int index, E value) throws SQLException {
                statement.setString(index, value == null ? null : toText.apply(value));
            }

            private E parse(String text) {
                return text == null ? null : fromText.apply(text);
            }
        };
    }

    private static <T> ColumnType<T> simple(Class<T> type, int sqlType) {
        return new ColumnType<>() {
            @Override
            public T read(ResultSet row, String column) throws SQLException {
                return row.getObject(column, type);
            }

            @Override
            public T read(Readable row, String column) {
                return row.get(column, type);
            }

            @Override
            public void write(PreparedStatement statement, int index, T value) throws SQLException {
                statement.setObject(index, value, sqlType);
            }
        };
    }
}
