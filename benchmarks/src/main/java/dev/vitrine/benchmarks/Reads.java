package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * p50/p99 of the read API at 1,000 images and at 1,000,000 images (10,000 galleries), cache cold and warm, first
 * page and deep pages, against the packaged jar on the local PostgreSQL and Redis; then the cached image page
 * under wrk, side by side with nginx serving the same bytes.
 *
 * <pre>Reads JAR WORK_DIR [warm samples]</pre>
 */
public final class Reads {

    static final String ADMIN = "bench-admin";
    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String OWNER_PASSWORD = "owner-password";

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
        Path cachedPage = null;
        for (DataSet set : List.of(DataSet.SMALL, DataSet.LARGE)) {
            set.ensureSeeded(jar);
            String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ":";
            try (var app = App.start(
                    jar,
                    work.resolve(set.database()),
                    set.database(),
                    0,
                    List.of(
                            "--spring.data.redis.host=127.0.0.1",
                            "--vitrine.cache.key-prefix=" + prefix,
                            "--vitrine.admin.username=" + ADMIN,
                            "--vitrine.admin.password=" + ADMIN_PASSWORD))) {
                awaitReadModel(app.base(), set);
                DataSet.Gallery gallery = set.largestGallery();
                boolean open = gallery.visibility().equals("public");
                var client =
                        new ReadClient(app.base(), open ? null : gallery.owner(), OWNER_PASSWORD, prefix + "epoch");
                System.out.printf(
                        "%n%s: largest gallery %s, %,d images, %s; reading as %s; app RSS %d MB%n",
                        set.name(),
                        gallery.id(),
                        gallery.images(),
                        gallery.visibility(),
                        open ? "anonymous" : "its owner",
                        app.residentMegabytes());
                Map<String, double[]> figures = new LinkedHashMap<>();
                for (var shape : shapes(gallery).entrySet()) {
                    for (boolean cold : new boolean[] {true, false}) {
                        List<Double> ms = client.time(shape.getValue(), cold, cold ? 5 : 200, cold ? warm / 10 : warm);
                        String name = shape.getKey() + (cold ? ", cold" : ", warm");
                        figures.put(name, new double[] {Stats.percentile(ms, 50), Stats.percentile(ms, 99)});
                        System.out.printf(
                                Locale.ROOT,
                                "  %-40s p50 %7.2f ms   p99 %7.2f ms   (%d reads)%n",
                                name,
                                Stats.percentile(ms, 50),
                                Stats.percentile(ms, 99),
                                ms.size());
                    }
                }
                results.put(set.name(), figures);
                if (set == DataSet.LARGE) {
                    String page = shapes(gallery).get("image page 1, limit 50");
                    cachedPage = work.resolve("image-page.json");
                    Files.write(cachedPage, client.body(page));
                    System.out.printf("%nWith Redis (the cache every node shares):%n");
                    Throughput.compareWithNginx(
                            app.port(), page, open ? null : gallery.owner(), OWNER_PASSWORD, cachedPage, work);
                }
            }
        }
        DataSet.Gallery gallery = DataSet.LARGE.largestGallery();
        try (App app = App.start(
                jar,
                work.resolve("in-process"),
                DataSet.LARGE.database(),
                0,
                List.of("--vitrine.admin.username=" + ADMIN, "--vitrine.admin.password=" + ADMIN_PASSWORD))) {
            awaitReadModel(app.base(), DataSet.LARGE);
            System.out.printf("%nWithout Redis (one node, its in-process cache):%n");
            Throughput.compareWithNginx(
                    app.port(),
                    shapes(gallery).get("image page 1, limit 50"),
                    gallery.visibility().equals("public") ? null : gallery.owner(),
                    OWNER_PASSWORD,
                    cachedPage,
                    work);
        }
        compare(results);
    }

    /** The same questions at both sizes; page 500 at limit 2 is as deep as the 1,000-image gallery goes. */
    static Map<String, String> shapes(DataSet.Gallery gallery) {
        String images = "/api/galleries/" + gallery.id() + "/images";
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("gallery list, first page", "/api/galleries?limit=20");
        shapes.put("image page 1, limit 50", images + "?page=1&limit=50");
        shapes.put("image page 500, limit 2", images + "?page=500&limit=2");
        if (gallery.images() >= 50_000) {
            shapes.put("image page 500, limit 50", images + "?page=500&limit=50");
            shapes.put("image page 1000, limit 50", images + "?page=1000&limit=50");
        }
        return shapes;
    }

    private static void compare(Map<String, Map<String, double[]>> results) {
        Map<String, double[]> small = results.get(DataSet.SMALL.name());
        Map<String, double[]> large = results.get(DataSet.LARGE.name());
        System.out.printf("%np99 at 1M images / p99 at 1k images (target ≤ 1.2):%n");
        for (String name : small.keySet()) {
            double ratio = large.get(name)[1] / small.get(name)[1];
            System.out.printf(
                    Locale.ROOT,
                    "  %-40s %5.2f ms / %5.2f ms = %.2f %s%n",
                    name,
                    large.get(name)[1],
                    small.get(name)[1],
                    ratio,
                    ratio <= 1.2 ? "met" : "MISSED");
        }
    }

    /**
     * The read model and the integration log of a freshly seeded database build themselves at start: wait until
     * both hold every event (measuring meanwhile would measure their work too).
     */
    static void awaitReadModel(String base, DataSet set) throws Exception {
        awaitProcessors(base, set, List.of("read-model", "event-log"));
    }

    /** Waits until these processors hold every event. */
    static void awaitProcessors(String base, DataSet set, List<String> processors) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = "Basic "
                + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        long started = System.nanoTime();
        long lastPrint = 0;
        while (true) {
            JsonNode answer = new ObjectMapper()
                    .readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/actuator/projections"))
                                            .header("Authorization", admin)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            long head = answer.path("head").asLong();
            long lag = processors.stream()
                    .mapToLong(name ->
                            answer.path("processors").path(name).path("lag").asLong(head))
                    .max()
                    .orElse(0);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (lag == 0) {
                if (seconds > 5) {
                    System.out.printf(
                            Locale.ROOT,
                            "%s: %s built from %,d events in %.0f s%n",
                            set.name(),
                            String.join(" and ", processors),
                            head,
                            seconds);
                }
                return;
            }
            if (seconds - lastPrint >= 30) {
                lastPrint = (long) seconds;
                System.out.printf(
                        Locale.ROOT,
                        "%s: %s at %,d of %,d events (%.0f s)%n",
                        set.name(),
                        String.join(" and ", processors),
                        head - lag,
                        head,
                        seconds);
            }
            Thread.sleep(1000);
        }
    }
}
