package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds the read model of the 1M-image data set from the PostgreSQL event store through the admin API, while a
 * reader keeps reading the largest gallery's first page (cache off, so every read hits the live tables), and
 * prints the rate, the total time, the differences the verification found, and how reads fared meanwhile.
 *
 * <pre>Rebuild JAR WORK_DIR</pre>
 */
public final class Rebuild {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Path.of(args[1]);
        DataSet set = DataSet.LARGE;
        set.ensureSeeded(jar);
        try (App app = App.start(
                jar,
                work.resolve(set.database()),
                set.database(),
                0,
                List.of(
                        "--vitrine.admin.username=" + Reads.ADMIN,
                        "--vitrine.admin.password=" + Reads.ADMIN_PASSWORD))) {
            Reads.awaitReadModel(app.base(), set);
            DataSet.Gallery gallery = set.largestGallery();
            String admin = basic(Reads.ADMIN, Reads.ADMIN_PASSWORD);
            String reader = gallery.visibility().equals("public") ? null : basic(gallery.owner(), Reads.OWNER_PASSWORD);
            Readers readers =
                    new Readers(app.base() + "/api/galleries/" + gallery.id() + "/images?page=%d&limit=%d", reader);
            Thread reading = Thread.ofPlatform().start(readers);

            long started = System.nanoTime();
            send(app.base() + "/api/admin/read-model/rebuild", admin, "{\"swap\":true}");
            JsonNode status;
            long lastPrint = 0;
            do {
                Thread.sleep(2000);
                status = JSON.readTree(get(app.base() + "/api/admin/read-model/rebuild", admin));
                long seconds = (System.nanoTime() - started) / 1_000_000_000L;
                if (seconds - lastPrint >= 30) {
                    lastPrint = seconds;
                    System.out.printf(
                            Locale.ROOT,
                            "  %4d s  %-10s %,12d of %,d events  %,8.0f events/s  ETA %s s%n",
                            seconds,
                            status.path("state").asText(),
                            status.path("eventsDone").asLong(),
                            status.path("eventsTotal").asLong(),
                            status.path("eventsPerSecond").asDouble(),
                            status.path("etaSeconds").asText("?"));
                }
            } while (!status.path("state").asText().equals("finished")
                    && !status.path("state").asText().equals("failed"));
            double took = (System.nanoTime() - started) / 1e9;
            readers.stop.set(true);
            reading.join();

            System.out.printf(
                    Locale.ROOT,
                    """

                    rebuild of %s: %s in %.0f s (%.1f min) — %,d events, replay rate %,.0f events/s (target ≥ 20,000: %s)
                    rows compared %,d, differences %d; %s
                    reads meanwhile: %,d answered, %d failed, p50 %.1f ms, p99 %.1f ms, max %.1f ms
                    """,
                    set.name(),
                    status.path("state").asText(),
                    took,
                    took / 60,
                    status.path("eventsTotal").asLong(),
                    status.path("eventsPerSecond").asDouble(),
                    status.path("eventsPerSecond").asDouble() >= 20_000 ? "met" : "MISSED",
                    status.path("comparedRows").asLong(),
                    status.path("differenceCount").asLong(),
                    status.path("message").asText(),
                    readers.answered.get(),
                    readers.failed.get(),
                    Stats.percentile(readers.millis, 50),
                    Stats.percentile(readers.millis, 99),
                    Collections.max(readers.millis));
        }
    }

    /** One reader, as fast as it can, of random pages (50,000 combinations: mostly cache misses, so the tables answer). */
    static final class Readers implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong answered = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        private final String url;
        private final String authorization;

        Readers(String url, String authorization) {
            this.url = url;
            this.authorization = authorization;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                long start = System.nanoTime();
                try {
                    var random = ThreadLocalRandom.current();
                    var request = HttpRequest.newBuilder(
                            URI.create(url.formatted(random.nextInt(1, 501), random.nextInt(1, 101))));
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    (status == 200 ? answered : failed).incrementAndGet();
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String get(String url, String authorization) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", authorization)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static void send(String url, String authorization, String body) throws Exception {
        var answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(
                    "starting the rebuild answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
