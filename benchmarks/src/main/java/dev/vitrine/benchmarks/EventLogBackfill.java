package dev.vitrine.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How fast the integration log is written from an existing event store (an installation upgrading to a version
 * with the log, or its log rebuilt): a seeded history whose read model is built, the log emptied, then the app
 * started with only the log to catch up, once per batch size, in turn. Rates are events logged per second from the
 * first entry to the last, start-up excluded.
 *
 * <pre>EventLogBackfill JAR WORK_DIR [images] [batch sizes, comma-separated]</pre>
 */
public final class EventLogBackfill {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int images = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        List<Integer> batchSizes = Arrays.stream((args.length > 3 ? args[3] : "250,1000").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        DataSet history = new DataSet(
                String.format(Locale.ROOT, "%,d images", images),
                "vitrine_bench_backfill_" + images,
                Math.max(1, images / 100),
                images);
        history.ensureSeeded(jar);
        long stored = history.events();
        List<String> admin =
                List.of("--vitrine.admin.username=" + Reads.ADMIN, "--vitrine.admin.password=" + Reads.ADMIN_PASSWORD);
        try (App app = App.start(jar, work.resolve("backfill"), history.database(), 0, admin)) {
            Reads.awaitReadModel(app.base(), history); // the read model, once: only the log is measured
        }
        System.out.printf(
                Locale.ROOT,
                "%n%s: %,d stored events, the integration log written again from none:%n",
                history.name(),
                stored);
        List<String> rows = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int batchSize : batchSizes) {
                empty(history);
                List<String> settings = new ArrayList<>(admin);
                settings.add("--vitrine.event-log.batch-size=" + batchSize);
                try (App app = App.start(jar, work.resolve("backfill"), history.database(), 0, settings)) {
                    long first = 0;
                    long logged;
                    // the newest event logged, from its unique index: a count(*) of the growing table would take
                    // PostgreSQL's time from the writer it measures
                    while ((logged = count(history, "SELECT coalesce(max(global_index), 0) FROM event_log")) < stored) {
                        if (first == 0 && logged > 0) {
                            first = System.nanoTime();
                        }
                        Thread.sleep(50);
                    }
                    double seconds = (System.nanoTime() - first) / 1e9;
                    String row = String.format(
                            Locale.ROOT,
                            "  batch %,6d: %,d events in %5.1f s: %,8.0f events/s (app RSS %d MB)",
                            batchSize,
                            stored,
                            seconds,
                            stored / seconds,
                            app.residentMegabytes());
                    System.out.println(row);
                    rows.add(row);
                }
            }
        }
    }

    /** The log as before its first start: no entry, no audience, no checkpoint, no token. */
    private static void empty(DataSet history) throws Exception {
        try (Connection db = history.connect();
                Statement statement = db.createStatement()) {
            statement.execute("TRUNCATE event_log, event_log_gallery, event_log_published_image, event_log_feed, "
                    + "event_log_checkpoint, webhook_delivery CASCADE");
            statement.execute("DELETE FROM tokenentry WHERE processorname = 'event-log'");
        }
    }

    private static long count(DataSet history, String sql) throws Exception {
        try (Connection db = history.connect();
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
