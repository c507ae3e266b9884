package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Uploads per second when 8 clients upload into one gallery — as its owner, and as 8 contributors (each their own
 * account, made members of the gallery) — next to 8 clients uploading into 8 galleries (one each), in turn, against the packaged jar on the local PostgreSQL and RabbitMQ with the embedded S3 server.
 * One upload is the whole conversation of a client: reserve ({@code POST /api/uploads}), PUT the file to the
 * presigned URL, confirm (Vitrine reads the stored bytes back). Image workers are off: the figure is the command
 * path's, not the pipeline's. What one gallery costs more than eight is contention on the gallery.
 *
 * <pre>UploadContention JAR FIXTURES_DIR WORK_DIR [seconds per round] [rounds]</pre>
 */
public final class UploadContention {

    static final int CLIENTS = 8;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = BenchUser.HTTP;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        byte[] photo = Files.readAllBytes(Path.of(args[1]).resolve("concert.jpg"));
        Path work = Path.of(args[2]);
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        String database = "vitrine_bench_" + UUID.randomUUID().toString().substring(0, 8);
        EndToEnd.admin("CREATE DATABASE " + database);
        try (App app = App.start(
                jar,
                work.resolve("contention-" + database),
                database,
                1,
                List.of("--vitrine.processing.enabled=false"))) {
            String base = app.base();
            BenchUser.register(base);
            List<BenchUser.Account> contributors = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                contributors.add(
                        new BenchUser.Account("contributor-" + i + "-" + database.substring(14)).register(base));
            }
            List<Double> one = new ArrayList<>();
            List<Double> shared = new ArrayList<>();
            List<Double> eight = new ArrayList<>();
            List<BenchUser.Account> owner = List.of(BenchUser.Account.BENCH);
            // untimed: warms the JIT and the pools (throughput still rose from round to round after 5 s each)
            for (int warm = 0; warm < 3; warm++) {
                run(base, photo, galleries(base, 1), owner, 5);
                run(base, photo, sharedGallery(base, contributors), contributors, 5);
                run(base, photo, galleries(base, CLIENTS), owner, 5);
            }
            System.out.printf(
                    "%d clients uploading (reserve, PUT %,d bytes, confirm), %d s per configuration, in turn (each"
                            + " round starts with the next one); image workers off%n",
                    CLIENTS, photo.length, seconds);
            for (int round = 1; round <= rounds; round++) {
                Result intoOne = null;
                Result byContributors = null;
                Result intoEight = null;
                for (int turn = 0; turn < 3; turn++) {
                    switch ((round - 1 + turn) % 3) {
                        case 0 -> intoOne = run(base, photo, galleries(base, 1), owner, seconds);
                        case 1 ->
                            byContributors = run(base, photo, sharedGallery(base, contributors), contributors, seconds);
                        default -> intoEight = run(base, photo, galleries(base, CLIENTS), owner, seconds);
                    }
                }
                one.add(intoOne.perSecond());
                shared.add(byContributors.perSecond());
                eight.add(intoEight.perSecond());
                System.out.printf(
                        Locale.ROOT,
                        "  round %d: one gallery %s   8 contributors, one gallery %s   eight galleries %s%n",
                        round,
                        intoOne,
                        byContributors,
                        intoEight);
            }
            System.out.printf(
                    Locale.ROOT,
                    "  median: one gallery %.1f/s, 8 contributors into one gallery %.1f/s, eight galleries %.1f/s;"
                            + " ratios to eight galleries %.2f and %.2f (target ≥ 0.8: %s)%n",
                    Stats.median(one),
                    Stats.median(shared),
                    Stats.median(eight),
                    Stats.median(one) / Stats.median(eight),
                    Stats.median(shared) / Stats.median(eight),
                    Math.min(Stats.median(one), Stats.median(shared)) / Stats.median(eight) >= 0.8 ? "met" : "MISSED");
        } finally {
            EndToEnd.admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            deleteQueues(database);
        }
    }

    /** The jobs nobody processed stay in RabbitMQ otherwise (the queues are named after the database). */
    private static void deleteQueues(String name) throws Exception {
        for (String queue : List.of(name, name + ".complete", name + ".dead")) {
            new ProcessBuilder("rabbitmqctl", "-q", "delete_queue", queue)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        }
    }

    record Result(double perSecond, List<Double> millis) {

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%6.1f uploads/s (p50 %5.0f ms, p95 %5.0f ms)",
                    perSecond,
                    Stats.percentile(millis, 50),
                    Stats.percentile(millis, 95));
        }
    }

    /**
     * Client {@code i} uploads as {@code accounts[i % accounts.size()]} into {@code galleries[i % galleries.size()]}
     * until the time is up.
     */
    private static Result run(
            String base, byte[] photo, List<String> galleries, List<BenchUser.Account> accounts, int seconds)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<List<Double>>> clients = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(CLIENTS)) {
            for (int i = 0; i < CLIENTS; i++) {
                String gallery = galleries.get(i % galleries.size());
                BenchUser.Account account = accounts.get(i % accounts.size());
                clients.add(threads.submit(() -> {
                    List<Double> millis = new ArrayList<>();
                    while (!stop.get()) {
                        long began = System.nanoTime();
                        upload(base, account, gallery, BenchUser.unique(photo));
                        millis.add((System.nanoTime() - began) / 1e6);
                    }
                    return millis;
                }));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> client : clients) {
                all.addAll(client.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Result(all.size() / elapsed, all);
        }
    }

    private static void upload(String base, BenchUser.Account account, String gallery, byte[] bytes) throws Exception {
        JsonNode presigned = JSON.readTree(account.send(
                base,
                "POST",
                "/api/uploads",
                JSON.writeValueAsString(Map.of(
                        "filename",
                        "concert.jpg",
                        "contentType",
                        "image/jpeg",
                        "size",
                        bytes.length,
                        "galleryId",
                        gallery))));
        HttpResponse<String> put = HTTP.send(
                HttpRequest.newBuilder(URI.create(presigned.get("presignedUrl").asText()))
                        .header("Content-Type", "image/jpeg")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("PUT refused: " + put.statusCode() + " " + put.body());
        }
        account.send(base, "POST", "/api/uploads/" + presigned.get("uploadId").asText() + "/confirm", null);
    }

    private static List<String> galleries(String base, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(JSON.readTree(
                            send(base, "POST", "/api/galleries", "{\"name\":\"Contention\",\"visibility\":\"public\"}"))
                    .get("id")
                    .asText());
        }
        return ids;
    }

    /** One gallery of "bench", private, with every account a contributor. */
    private static List<String> sharedGallery(String base, List<BenchUser.Account> contributors) throws Exception {
        String gallery = JSON.readTree(
                        send(base, "POST", "/api/galleries", "{\"name\":\"Shared\",\"visibility\":\"private\"}"))
                .get("id")
                .asText();
        for (BenchUser.Account contributor : contributors) {
            send(
                    base,
                    "PUT",
                    "/api/galleries/" + gallery + "/members/" + contributor.name(),
                    "{\"role\":\"contributor\"}");
        }
        return List.of(gallery);
    }

    private static String send(String base, String method, String path, String body) throws Exception {
        return BenchUser.send(base, method, path, body);
    }
}
