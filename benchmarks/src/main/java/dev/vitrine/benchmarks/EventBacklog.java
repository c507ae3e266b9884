package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast events are delivered when there are many: a seeded history the app has never logged, an AMQP consumer
 * bound before the app starts, then the app logs the whole history and its feed publishes it; afterwards one event
 * stream client replays the log from its beginning. Rates over the public events (what anyone may receive).
 *
 * <pre>EventBacklog JAR WORK_DIR [images]</pre>
 */
public final class EventBacklog {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int images = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        String database =
                "vitrine_bench_backlog_" + UUID.randomUUID().toString().substring(0, 8);
        DataSet history = new DataSet("backlog", database, Math.max(1, images / 100), images);
        history.ensureSeeded(jar);
        long stored = history.events();

        Channel amqp = Events.amqpConsumer();
        String queue = amqp.queueDeclare().getQueue();
        amqp.queueBind(queue, "vitrine.events", "#");
        Set<String> overAmqp = ConcurrentHashMap.newKeySet();
        long[] firstLast = new long[2];
        amqp.basicConsume(
                queue,
                true,
                (tag, message) -> {
                    long now = System.nanoTime();
                    synchronized (firstLast) {
                        if (overAmqp.isEmpty()) {
                            firstLast[0] = now;
                        }
                        if (overAmqp.add(
                                JSON.readTree(message.getBody()).path("id").asText())) {
                            firstLast[1] = now;
                        }
                    }
                },
                tag -> {});

        long started = System.nanoTime();
        try (App app = App.start(jar, work.resolve(database), database, 0)) {
            while (count(history, "SELECT coalesce(max(global_index), 0) FROM event_log") < stored) {
                Thread.sleep(100);
            }
            double logging = (System.nanoTime() - started) / 1e9;
            long published =
                    count(history, "SELECT count(*) FROM event_log WHERE public_type IS NOT NULL AND NOT restricted");
            for (int waited = 0; overAmqp.size() < published && waited < 3000; waited++) {
                Thread.sleep(100);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,d stored events logged %.0f s after the app was started "
                            + "(%,.0f events/s, start-up included); %,d of them public%n",
                    database,
                    stored,
                    logging,
                    stored / logging,
                    published);
            double amqpSeconds = (firstLast[1] - firstLast[0]) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "  %-24s %,d of %,d events in %.1f s: %,.0f events/s%s%n",
                    "AMQP (vitrine.events)",
                    overAmqp.size(),
                    published,
                    amqpSeconds,
                    overAmqp.size() / Math.max(0.001, amqpSeconds),
                    overAmqp.size() >= published ? "" : " (INCOMPLETE)");
            replay(app.base(), published);
        }
        amqp.getConnection().close();
        EndToEnd.admin("DROP DATABASE " + database);
    }

    /** One event stream client from position 0 until it has every public event. */
    private static void replay(String base, long published) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/events/stream?after=0"))
                .header("Accept", "text/event-stream")
                .build();
        long started = System.nanoTime();
        long received = 0;
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; received < published && (line = lines.readLine()) != null; ) {
                if (line.startsWith("data:")) {
                    JsonNode event = JSON.readTree(line.substring(5));
                    received += event.has("id") ? 1 : 0;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  %-24s %,d of %,d events in %.1f s: %,.0f events/s%n",
                "event stream (SSE) replay",
                received,
                published,
                seconds,
                received / seconds);
    }

    private static long count(DataSet history, String sql) throws Exception {
        try (Connection db = history.connect();
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException notYetMigrated) {
            return 0;
        }
    }
}
