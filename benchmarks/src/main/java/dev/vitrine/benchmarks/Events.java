package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events delivered over AMQP and the event stream while writers keep the log busy: each channel's rate, whether
 * its consumer kept up, and the latency from an event's time (when it was stored) to its arrival, p50 / p95.
 * On a fresh database of the local PostgreSQL, with the local RabbitMQ.
 *
 * <pre>Events JAR WORK_DIR [seconds] [writers]</pre>
 */
public final class Events {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int writers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        String database = "vitrine_bench_events_" + UUID.randomUUID().toString().substring(0, 8);
        EndToEnd.admin("CREATE DATABASE " + database);
        try (App app = App.start(jar, work.resolve(database), database, 0)) {
            String user = "bench" + UUID.randomUUID().toString().substring(0, 6);
            post(app.base() + "/api/accounts", null, "{\"username\":\"" + user + "\",\"password\":\"bench-password\"}");
            String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":bench-password").getBytes());
            List<String> galleries = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                galleries.add(JSON.readTree(post(
                                app.base() + "/api/galleries",
                                auth,
                                "{\"name\":\"Busy " + i + "\",\"visibility\":\"public\"}"))
                        .path("id")
                        .asText());
            }
            Channel amqp = amqpConsumer();
            Arrivals overAmqp = new Arrivals();
            String queue = amqp.queueDeclare().getQueue();
            amqp.queueBind(queue, "vitrine.events", "dev.vitrine.gallery.#");
            amqp.basicConsume(
                    queue, true, (tag, message) -> overAmqp.arrived(JSON.readTree(message.getBody())), tag -> {});
            Arrivals overStream = new Arrivals();
            AtomicBoolean streaming = new AtomicBoolean(true);
            Thread stream = Thread.ofPlatform().daemon().start(() -> follow(app.base(), overStream, streaming));

            AtomicLong written = new AtomicLong();
            ExecutorService clients = Executors.newFixedThreadPool(writers);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            Instant started = Instant.now();
            for (int i = 0; i < writers; i++) {
                String gallery = galleries.get(i);
                String name = "Busy " + i + " #";
                clients.submit(() -> {
                    // every name new, so every rename is an event
                    for (int n = 1; System.nanoTime() < until; n++) {
                        patch(app.base() + "/api/galleries/" + gallery, auth, "{\"name\":\"" + name + n + "\"}");
                        written.incrementAndGet();
                    }
                    return null;
                });
            }
            clients.shutdown();
            clients.awaitTermination(seconds + 60, TimeUnit.SECONDS);
            double writing = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            long expected = written.get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((overAmqp.count() < expected || overStream.count() < expected) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            streaming.set(false);
            stream.interrupt();
            System.out.printf(
                    Locale.ROOT,
                    "%d writers renamed galleries for %.0f s: %,d events (%,.0f events/s written)%n",
                    writers,
                    writing,
                    expected,
                    expected / writing);
            report("AMQP (vitrine.events)", overAmqp, expected, started);
            report("event stream (SSE)", overStream, expected, started);
            amqp.getConnection().close();
        }
        EndToEnd.admin("DROP DATABASE " + database);
    }

    private static void report(String channel, Arrivals arrivals, long expected, Instant started) {
        List<Double> latencies = new ArrayList<>(arrivals.latencies);
        double span = Duration.between(started, arrivals.last).toMillis() / 1000.0;
        System.out.printf(
                Locale.ROOT,
                "  %-22s %,d of %,d events, %,.0f events/s, stored -> received p50 %.1f ms,"
                        + " p95 %.1f ms, max %.1f ms%s%n",
                channel,
                arrivals.count(),
                expected,
                arrivals.count() / Math.max(0.001, span),
                Stats.percentile(latencies, 50),
                Stats.percentile(latencies, 95),
                Collections.max(latencies),
                arrivals.count() >= expected ? " (kept up)" : " (FELL BEHIND)");
    }

    /** One SSE client from the log's head, reading events as they come. */
    private static void follow(String base, Arrivals arrivals, AtomicBoolean streaming) {
        try {
            var request = HttpRequest.newBuilder(
                            URI.create(base + "/api/events/stream?type=dev.vitrine.gallery.updated.v1"))
                    .header("Accept", "text/event-stream")
                    .build();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; streaming.get() && (line = lines.readLine()) != null; ) {
                    if (line.startsWith("data:")) {
                        arrivals.arrived(JSON.readTree(line.substring(5)));
                    }
                }
            }
        } catch (Exception stopped) {
            // the benchmark ended the stream
        }
    }

    /** Events of the benchmark's own renames, by id, with how long each took to arrive. */
    static final class Arrivals {
        final Map<String, Boolean> seen = new ConcurrentHashMap<>();
        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        volatile Instant last = Instant.now();

        void arrived(JsonNode event) {
            if (!event.path("type").asText().equals("dev.vitrine.gallery.updated.v1")) {
                return;
            }
            Instant now = Instant.now();
            if (seen.putIfAbsent(event.path("id").asText(), true) == null) {
                latencies.add(Duration.between(Instant.parse(event.path("time").asText()), now)
                                .toNanos()
                        / 1e6);
                last = now;
            }
        }

        long count() {
            return seen.size();
        }
    }

    static Channel amqpConsumer() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        // daemon threads: a benchmark that fails must end, not hang on its consumer
        factory.setThreadFactory(task -> Thread.ofPlatform().daemon().unstarted(task));
        Connection connection = factory.newConnection();
        Channel channel = connection.createChannel();
        channel.exchangeDeclare("vitrine.events", "topic", true);
        return channel;
    }

    private static String post(String url, String auth, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void patch(String url, String auth, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", auth)
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PATCH answered " + response.statusCode() + ": " + response.body());
        }
    }
}
