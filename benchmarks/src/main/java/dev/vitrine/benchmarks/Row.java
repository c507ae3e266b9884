package dev.vitrine.benchmarks;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One line of the fault table. */
record Row(
        String mode,
        String scenario,
        String inFlight,
        String complete,
        String duplicates,
        String lost,
        String recovery,
        String serverErrors,
        String retried503,
        String failedReads,
        String readP99,
        String notes) {

    static final List<String> COLUMNS = List.of(
            "mode",
            "scenario",
            "uploads in flight",
            "complete",
            "duplicates",
            "lost",
            "time to complete after recovery (s)",
            "5xx (not 503+Retry-After)",
            "503s (retried after Retry-After)",
            "failed reads",
            "read p99 ms",
            "notes");

    static Row notApplicable(String mode, String scenario, String why) {
        return new Row(mode, scenario, "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a: " + why);
    }

    static Row failed(String mode, String scenario, String why) {
        return new Row(mode, scenario, "-", "-", "-", "-", "-", "-", "-", "-", "-", "harness failed: " + why);
    }

    List<String> cells() {
        return List.of(
                mode,
                scenario,
                inFlight,
                complete,
                duplicates,
                lost,
                recovery,
                serverErrors,
                retried503,
                failedReads,
                readP99,
                notes);
    }

    String summary() {
        return "complete " + complete + ", lost " + lost + ", duplicates " + duplicates + ", after recovery " + recovery
                + " s, 5xx " + serverErrors + ", 503s " + retried503 + ", failed reads " + failedReads + ", read p99 "
                + readP99 + " ms; " + notes;
    }

    static String table(List<Row> rows) {
        return Stream.concat(
                        Stream.of(
                                line(COLUMNS),
                                line(COLUMNS.stream().map(c -> "---").toList())),
                        rows.stream().map(row -> line(row.cells())))
                .collect(Collectors.joining("\n"));
    }

    private static String line(List<String> cells) {
        return "| " + cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ")) + " |";
    }
}
