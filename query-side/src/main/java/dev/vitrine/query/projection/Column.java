package dev.vitrine.query.projection;

import java.util.function.BiConsumer;
import java.util.function.Function;

/** One column of a read-model table: its name, its type, and the field of the row object that holds it. */
record Column<R, T>(String name, ColumnType<T> type, Function<R, T> get, BiConsumer<R, T> set) {

    static <R, T> Column<R, T> of(String name, ColumnType<T> type, Function<R, T> get, BiConsumer<R, T> set) {
        return new Column<>(name, type, get, set);
    }

    void copy(R from, R to) {
        set.accept(to, get.apply(from));
    }
}
