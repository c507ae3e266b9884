package dev.vitrine.app.security;

import dev.vitrine.api.gallery.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code docs/authorization-matrix.md}: one row per operation, one column per caller; a cell is one status (the
 * same whatever the gallery's visibility, or no gallery concerned) or three (public, unlisted, private).
 */
final class AuthorizationMatrix {

    static final Path FILE = Path.of("..", "docs", "authorization-matrix.md");

    /** The matrix's columns, in their order. */
    enum Caller {
        ANONYMOUS("anonymous"),
        OTHER("another user"),
        OWNER("owner"),
        ADMIN("admin"),
        AUDITOR("auditor"),
        VIEWER("viewer"),
        CONTRIBUTOR("contributor"),
        EDITOR("editor"),
        LINK_HOLDER("link holder"),
        LOCKED_LINK("password link, locked"),
        UNLOCKED_LINK("password link, unlocked"),
        EXPIRED_LINK("expired link"),
        REVOKED_LINK("revoked link");

        private final String label;

        Caller(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        /** A member of the gallery concerned, with the role the column names. */
        boolean isMember() {
            return this == VIEWER || this == CONTRIBUTOR || this == EDITOR;
        }

        /** Signed in as nobody, holding a share link of the gallery concerned (in the state the column names). */
        boolean holdsALink() {
            return ordinal() >= LINK_HOLDER.ordinal();
        }
    }

    /** One operation's statuses: by caller, then by the visibility of the gallery concerned. */
    record Row(Map<Caller, Map<Visibility, Integer>> statuses) {

        Integer status(Caller caller, Visibility visibility) {
            Map<Visibility, Integer> cell = statuses.get(caller);
            return cell == null ? null : cell.get(visibility);
        }
    }

    private AuthorizationMatrix() {}

    /** The rows, by "METHOD /path", in the file's order. */
    static Map<String, Row> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
            if (cells.length != Caller.values().length + 1) {
                throw new IllegalStateException(FILE + ": not one cell per caller in " + line);
            }
            String operation = cells[0].trim().replace("`", "");
            Map<Caller, Map<Visibility, Integer>> statuses = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                statuses.put(caller, cell(cells[caller.ordinal() + 1].trim(), line));
            }
            if (rows.put(operation, new Row(statuses)) != null) {
                throw new IllegalStateException(FILE + ": two rows for " + operation);
            }
        }
        return rows;
    }

    private static Map<Visibility, Integer> cell(String text, String line) {
        int[] statuses =
                Arrays.stream(text.split("\\s+")).mapToInt(Integer::parseInt).toArray();
        Visibility[] visibilities = Visibility.values();
        if (statuses.length != 1 && statuses.length != visibilities.length) {
            throw new IllegalStateException(FILE + ": a cell is one status or one per visibility: " + line);
        }
        Map<Visibility, Integer> cell = new EnumMap<>(Visibility.class);
        for (int i = 0; i < visibilities.length; i++) {
            cell.put(visibilities[i], statuses.length == 1 ? statuses[0] : statuses[i]);
        }
        return cell;
    }

    /** The rows as the file writes them. */
    static String format(Map<String, Row> rows) {
        StringBuilder table = new StringBuilder("| Operation |");
        for (Caller caller : Caller.values()) {
            table.append(' ').append(caller.label()).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(Caller.values().length)).append('\n');
        rows.forEach((operation, row) -> {
            table.append("| `").append(operation).append("` |");
            for (Caller caller : Caller.values()) {
                Map<Visibility, Integer> cell = row.statuses().get(caller);
                String text = cell.values().stream().distinct().count() == 1
                        ? cell.values().iterator().next().toString()
                        : cell.values().stream().map(String::valueOf).collect(Collectors.joining(" "));
                table.append(' ').append(text).append(" |");
            }
            table.append('\n');
        });
        return table.toString();
    }
}
