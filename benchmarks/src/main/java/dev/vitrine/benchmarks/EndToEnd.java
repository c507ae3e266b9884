package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.processing.imaging.ImagingSettings;
import dev.vitrine.processing.imaging.SourceFormat;
import dev.vitrine.processing.worker.PhasedExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N uploads through the HTTP API of the packaged jar (on the local PostgreSQL and RabbitMQ, embedded S3): presign,
 * PUT, then all confirmations at once, until every image is published. Confirm→published is read from the event
 * store's own timestamps. Next to it, the same images through the bare pipeline with the same number of workers
 * submitted at once: what remains is the cost of queue, saga, events and storage.
 *
 * <pre>EndToEnd JAR FIXTURES_DIR WORK_DIR [N]</pre>
 */
public final class EndToEnd {

    static final Set<String> REFUSED = Set.of("truncated.jpg", "corrupt-header.jpg", "65536-uint32-limit.png");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path fixtures = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int uploads = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        List<Upload> batch = batch(fixtures, uploads);
        String database =
                "vitrine_bench_" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        admin("CREATE DATABASE " + database);
        int workers = 2;
        try (App app = App.start(jar, work.resolve("e2e-" + database), database, workers)) {
            latencyOfOne(app.base(), database, fixtures.resolve(CompareWithSharp.BENCHMARK_JPEG), 15);
            Map<UUID, Upload> byImage = prepare(app.base(), batch);
            Instant start = Instant.now();
            confirmAll(app.base(), byImage.keySet());
            Map<UUID, double[]> times = awaitPublished(database, byImage.keySet(), Duration.ofMinutes(15));
            double wall = Duration.between(start, Instant.now()).toMillis();
            List<Double> published = times.values().stream().map(t -> t[0]).toList();
            List<Double> allVariants = times.values().stream().map(t -> t[1]).toList();
            List<Double> pure =
                    pureProcessing(byImage.values().stream().map(Upload::bytes).toList(), workers);
            System.out.printf(
                    "%d uploads, %d workers, one node (packaged jar, local PostgreSQL and RabbitMQ, embedded S3)%n",
                    uploads, workers);
            System.out.printf("  %-46s %9s %9s%n", "", "p50 (ms)", "p95 (ms)");
            line("confirm -> published (event timestamps)", published);
            line("confirm -> all 8 variants recorded", allVariants);
            line("pure pipeline, same images, to WebP set", pure);
            System.out.printf(
                    "  overhead at p95 (queue, saga, events, S3): %s %%; batch wall %s s%n",
                    Stats.round((Stats.percentile(published, 95) / Stats.percentile(pure, 95) - 1) * 100),
                    Stats.round(wall / 1000));
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    record Upload(String name, String contentType, byte[] bytes) {}

    /** The benchmark JPEG uploaded alone, one after the other: confirm -> published when nothing else runs. */
    private static void latencyOfOne(String base, String database, Path photo, int times) throws Exception {
        byte[] original = Files.readAllBytes(photo);
        List<Double> published = new ArrayList<>();
        List<Double> complete = new ArrayList<>();
        int warmUps = 3;
        for (int i = 0; i < times + warmUps; i++) {
            byte[] unique = Arrays.copyOf(original, original.length + 16);
            System.arraycopy(UUID.randomUUID().toString().substring(0, 16).getBytes(), 0, unique, original.length, 16);
            Map<UUID, Upload> one =
                    prepare(base, List.of(new Upload(photo.getFileName().toString(), "image/jpeg", unique)));
            confirmAll(base, one.keySet());
            double[] t = awaitPublished(database, one.keySet(), Duration.ofMinutes(2))
                    .values()
                    .iterator()
                    .next();
            if (i >= warmUps) { // the first ones warm the JVM up
                published.add(t[0]);
                complete.add(t[1]);
            }
        }
        System.out.printf("benchmark JPEG alone, %d uploads one after the other (after %d warm-ups)%n", times, warmUps);
        System.out.printf(
                "  confirm -> published (BlurHash + WebP set): median %s ms; -> all 8 variants: median %s ms%n",
                Stats.round(Stats.median(published)), Stats.round(Stats.median(complete)));
    }

    /** The accepted fixtures over and over, each copy made unique by bytes appended after its end. */
    private static List<Upload> batch(Path fixtures, int n) throws Exception {
        List<Path> accepted;
        try (var files = Files.list(fixtures)) {
            accepted = files.filter(f -> !f.toString().endsWith(".md")
                            && !REFUSED.contains(f.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        List<Upload> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path file = accepted.get(i % accepted.size());
            byte[] original = Files.readAllBytes(file);
            byte[] unique = Arrays.copyOf(original, original.length + 16);
            System.arraycopy(UUID.randomUUID().toString().substring(0, 16).getBytes(), 0, unique, original.length, 16);
            String type = SourceFormat.sniff(original).orElseThrow().contentType();
            batch.add(new Upload(file.getFileName().toString(), type, unique));
        }
        return batch;
    }

    private static Map<UUID, Upload> prepare(String base, List<Upload> batch) throws Exception {
        registerOnce(base);
        String gallery = JSON.readTree(
                        send(base, "POST", "/api/galleries", "{\"name\":\"Benchmark\",\"visibility\":\"public\"}"))
                .get("id")
                .asText(); // one per batch
        Map<UUID, Upload> byImage = new HashMap<>();
        for (Upload upload : batch) {
            JsonNode presigned = JSON.readTree(send(
                    base,
                    "POST",
                    "/api/uploads",
                    JSON.writeValueAsString(Map.of(
                            "filename",
                            upload.name(),
                            "contentType",
                            upload.contentType(),
                            "size",
                            upload.bytes().length,
                            "galleryId",
                            gallery))));
            HttpResponse<String> put = HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(presigned.get("presignedUrl").asText()))
                            .header("Content-Type", upload.contentType())
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(upload.bytes()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                throw new IllegalStateException("PUT refused: " + put.statusCode() + " " + put.body());
            }
            byImage.put(UUID.fromString(presigned.get("uploadId").asText()), upload);
        }
        return byImage;
    }

    private static boolean registered;

    private static void registerOnce(String base) throws Exception {
        if (!registered) {
            BenchUser.register(base);
            registered = true;
        }
    }

    private static void confirmAll(String base, Set<UUID> images) throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(images.size())) {
            List<Future<String>> confirmations = new ArrayList<>();
            for (UUID image : images) {
                confirmations.add(clients.submit(() -> send(base, "POST", "/api/uploads/" + image + "/confirm", null)));
            }
            for (Future<String> confirmation : confirmations) {
                confirmation.get();
            }
        }
    }

    /** Per image: ms from UploadConfirmed to ImagePublished, and to its eighth VariantGenerated. */
    private static Map<UUID, double[]> awaitPublished(String database, Set<UUID> images, Duration limit)
            throws Exception {
        Instant deadline = Instant.now().plus(limit);
        try (Connection db =
                DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")) {
            while (Instant.now().isBefore(deadline)) {
                Map<UUID, double[]> times = new HashMap<>();
                try (ResultSet rows = db.createStatement().executeQuery("""
                        SELECT aggregateIdentifier,
                               min(timeStamp) FILTER (WHERE payloadType LIKE '%.UploadConfirmed') AS confirmed,
                               min(timeStamp) FILTER (WHERE payloadType LIKE '%.ImagePublished') AS published,
                               max(timeStamp) FILTER (WHERE payloadType LIKE '%.VariantGenerated') AS last_variant,
                               count(*) FILTER (WHERE payloadType LIKE '%.VariantGenerated') AS variants
                        FROM domainevententry GROUP BY aggregateIdentifier""")) {
                    while (rows.next()) {
                        if (rows.getString("published") != null && rows.getInt("variants") == 8) {
                            Instant confirmed = Instant.parse(rows.getString("confirmed"));
                            times.put(UUID.fromString(rows.getString(1)), new double[] {
                                Duration.between(confirmed, Instant.parse(rows.getString("published")))
                                                .toNanos()
                                        / 1e6,
                                Duration.between(confirmed, Instant.parse(rows.getString("last_variant")))
                                                .toNanos()
                                        / 1e6
                            });
                        }
                    }
                }
                if (times.keySet().containsAll(images)) {
                    return times;
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("not every image was published within " + limit);
    }

    /**
     * The bare pipeline on the same images, scheduled as the worker schedules them: {@code workers} threads,
     * every publishing half (render + WebP) before any completing half (render + AVIF); all submitted at once.
     * Answers, per image, the time until its publishing half was done.
     */
    private static List<Double> pureProcessing(List<byte[]> images, int workers) throws Exception {
        try (Pipeline pipeline = new Pipeline(ImagingSettings.defaults());
                PhasedExecutor threads = new PhasedExecutor(workers, "pure", 0)) {
            pipeline.publishHalf(images.getFirst());
            long start = System.nanoTime();
            List<CompletableFuture<Double>> published = new ArrayList<>();
            List<CompletableFuture<Void>> completed = new ArrayList<>();
            for (byte[] image : images) {
                CompletableFuture<Double> publish = threads.submit(PhasedExecutor.Phase.PUBLISH, () -> {
                    pipeline.publishHalf(image);
                    return (System.nanoTime() - start) / 1e6;
                });
                published.add(publish);
                completed.add(publish.thenCompose(done -> threads.submit(PhasedExecutor.Phase.COMPLETE, () -> {
                    pipeline.completeHalf(image);
                    return (Void) null;
                })));
            }
            CompletableFuture.allOf(completed.toArray(CompletableFuture[]::new)).join();
            return published.stream().map(CompletableFuture::join).toList();
        }
    }

    private static void line(String label, List<Double> values) {
        System.out.printf(
                "  %-46s %9s %9s%n",
                label, Stats.round(Stats.percentile(values, 50)), Stats.round(Stats.percentile(values, 95)));
    }

    private static String send(String base, String method, String path, String body) throws Exception {
        return BenchUser.send(base, method, path, body);
    }

    static void admin(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            db.createStatement().execute(sql);
        }
    }
}
