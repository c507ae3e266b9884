package dev.vitrine.query.projection;

import io.r2dbc.spi.Readable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The columns of one read-model table, in order, each said once: what selects, upserts, reads, writes and copies
 * its rows is derived from this list (the first column is the key). Adding a column is one line here, one field
 * on the row, and a migration.
 */
final class RowTable<R> {

    private final Supplier<R> empty;
    private final List<Column<R, ?>> columns;

    RowTable(Supplier<R> empty, List<Column<R, ?>> columns) {
        this.empty = empty;
        this.columns = List.copyOf(columns);
    }

    List<Column<R, ?>> columns() {
        return columns;
    }

    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** Every column, as R2DBC selects it. */
    String selectList() {
        return columns.stream().map(c -> c.type().select(c.name())).collect(Collectors.joining(", "));
    }

    /** An INSERT of a whole row that, for a row already there, writes it whole instead. */
    String upsert(String table) {
        String key = columns.getFirst().name();
        return "INSERT INTO " + table + " (" + String.join(", ", names()) + ") VALUES ("
                + columns.stream().map(c -> c.type().parameter()).collect(Collectors.joining(", "))
                + ") ON CONFLICT (" + key + ") DO UPDATE SET "
                + columns.stream()
                        .skip(1)
                        .map(c -> c.name() + " = EXCLUDED." + c.name())
                        .collect(Collectors.joining(", "));
    }

    R read(ResultSet row) throws SQLException {
        R read = empty.get();
        for (Column<R, ?> column : columns) {
            readInto(read, column, row);
        }
        return read;
    }

    R read(Readable row) {
        R read = empty.get();
        columns.forEach(column -> readInto(read, column, row));
        return read;
    }

    void write(PreparedStatement statement, R row) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            writeFrom(row, columns.get(i), statement, i + 1);
        }
    }

    R copy(R row) {
        R copy = empty.get();
        columns.forEach(column -> column.copy(row, copy));
        return copy;
    }

    private static <R, T> void readInto(R row, Column<R, T> column, ResultSet from) throws SQLException {
        column.set().accept(row, column.type().read(from, column.name()));
    }

    private static <R, T> void readInto(R row, Column<R, T> column, Readable from) {
        column.set().accept(row, column.type().read(from, column.name()));
    }

    private static <R, T> void writeFrom(R row, Column<R, T> column, PreparedStatement to, int index)
            throws SQLException {
        column.type().write(to, index, column.get().apply(row));
    }
}
