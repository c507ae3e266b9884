package dev.vitrine.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * The seed's load on a cluster split by role, through a rolling restart: two api nodes behind a balancer (this
 * client, which polls their readiness and sends each request to a ready one), one worker node and one projector
 * node of the jar, on the machine's PostgreSQL, RabbitMQ and Redis and one S3 server of the harness's own (so that no
 * node's restart takes the files away). For the run's length, image views at the seed's rate — each one the image's
 * page read from the API and its medium variant read from {@code /media/} — and uploads at the seed's rate, paced
 * (open loop: a slow answer does not slow the load down); after a minute, each node in turn gets SIGTERM, exits
 * after draining, and is started again, a minute apart. Printed: failed requests (any answer but 2xx, a refused or
 * reset connection, a read over 10 s), read latency, confirm → published, and whether every upload was published.
 *
 * <pre>ClusterLoad JAR FIXTURES WORK_DIR [minutes] [views/min] [uploads/min]</pre>
 */
public final class ClusterLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WARM_UP = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path jar = Path.of(args[0]);
        Path fixtures = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int minutes = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int viewsPerMinute = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        int uploadsPerMinute = args.length > 5 ? Integer.parseInt(args[5]) : 100;
        Duration length = Duration.ofMinutes(minutes);
        Faults.Settings settings = new Faults.Settings(
                jar, fixtures, work, 0, Duration.ofMinutes(3), 0, Duration.ofSeconds(30), Duration.ofSeconds(5));

        try (Stage stage = new Stage(settings, Stage.Mode.MACHINE, "cluster")) {
            stage.s3();
            // four JVMs on PostgreSQL's 100 connections
            List<String> pools =
                    List.of("--spring.datasource.hikari.maximum-pool-size=12", "--vitrine.r2dbc.pool.max-size=8");
            FaultNode projector = stage.node("projector", with(pools, "--vitrine.roles=projector"));
            FaultNode worker = stage.node("worker", with(pools, "--vitrine.roles=worker"));
            FaultNode api1 = stage.node("api-1", with(pools, "--vitrine.roles=api"));
            FaultNode api2 = stage.node("api-2", with(pools, "--vitrine.roles=api"));
            List<FaultNode> nodes = List.of(projector, worker, api1, api2);
            for (FaultNode node : nodes) {
                node.start(); // the projector first: it migrates the fresh database
            }
            AtomicBoolean polling = new AtomicBoolean(true);
            List<Thread> balancer =
                    List.of(FaultScenarios.pollReadiness(api1, polling), FaultScenarios.pollReadiness(api2, polling));
            FaultClient owner =
                    new FaultClient(List.of(api1.target, api2.target), false, stage.tally, FaultNode.ADMIN_CREDENTIALS);
            // the views' answers are counted by the views themselves
            FaultClient visitor =
                    new FaultClient(List.of(api1.target, api2.target), false, new Tally(stage.journal), null);
            long setupDeadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();

            FaultClient.Answer created = owner.call(
                    "POST", "/api/galleries", "{\"name\":\"Cluster\",\"visibility\":\"public\"}", setupDeadline);
            UUID gallery =
                    UUID.fromString(JSON.readTree(created.body()).get("id").asText());
            Uploads uploads = new Uploads(owner, fixtures, stage.journal);
            Progress progress = new Progress(owner, gallery, Duration.ofMillis(500)).start();
            // something to view from the first second on
            List<UUID> viewable = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 8; i++) {
                uploads.upload(gallery, -1 - i, uploads.photo(1_000_000 + i), setupDeadline);
            }
            progress.awaitSettled(uploads.confirmed, setupDeadline);
            viewable.addAll(uploads.confirmed);
            uploads.confirmed.clear();
            uploads.confirmedAt.clear();

            Views views = new Views(visitor, gallery, viewable);
            long start = System.nanoTime();
            long end = start + length.toNanos();
            Thread viewing = views.paced(viewsPerMinute, start, end);
            int uploadCount = uploadsPerMinute * minutes;
            List<Thread> uploading = new ArrayList<>();
            for (int i = 0; i < uploadCount; i++) {
                int n = i;
                long at = start + length.toNanos() * i / uploadCount;
                uploading.add(Thread.ofVirtual().start(() -> {
                    sleepUntil(at);
                    uploads.upload(
                            gallery,
                            n,
                            uploads.photo(n),
                            end + Duration.ofMinutes(2).toNanos());
                }));
            }

            List<String> restarts = new ArrayList<>();
            long next = start + WARM_UP.toNanos();
            long gap = (length.toNanos() - 2 * WARM_UP.toNanos()) / nodes.size();
            for (FaultNode node : nodes) {
                sleepUntil(next);
                long sigterm = System.nanoTime();
                stage.journal.say("SIGTERM to %s", node.name);
                int exit = node.terminate(Duration.ofSeconds(60));
                long exited = System.nanoTime();
                node.start();
                long ready = System.nanoTime();
                String restart = String.format(
                        Locale.ROOT,
                        "%s: exited %d %.1f s after SIGTERM, ready again %.1f s later",
                        node.name,
                        exit,
                        (exited - sigterm) / 1e9,
                        (ready - exited) / 1e9);
                stage.journal.say("%s", restart);
                restarts.add(restart);
                next += gap;
            }
            viewing.join();
            for (Thread thread : uploading) {
                thread.join();
            }
            boolean settled = progress.awaitSettled(
                    uploads.confirmed, System.nanoTime() + Duration.ofMinutes(3).toNanos());
            progress.close();
            for (int attempt = 0; attempt < 3 && !progress.poll(); attempt++) {
                FaultClient.sleep(Duration.ofSeconds(1));
            }
            polling.set(false);

            List<Double> toPublished = new ArrayList<>();
            int published = 0;
            for (UUID id : uploads.confirmed) {
                Long at = progress.publishedAt(id);
                Long confirmed = uploads.confirmedAt.get(id);
                if (at != null && confirmed != null) {
                    published++;
                    toPublished.add((at - confirmed) / 1e6);
                }
            }
            long failed = views.failed.get() + stage.tally.serverErrors.get() + stage.tally.retryAfter503.get();
            System.out.printf(
                    Locale.ROOT,
                    "%nCluster (2 api, 1 worker, 1 projector; machine PostgreSQL, RabbitMQ, Redis; harness S3), %d min,"
                            + " %,d views/min and %,d uploads/min, each node restarted in turn (SIGTERM, wait ready):%n",
                    minutes,
                    viewsPerMinute,
                    uploadsPerMinute);
            restarts.forEach(line -> System.out.println("  " + line));
            System.out.printf(
                    Locale.ROOT,
                    "  reads: %,d (%,d views × page and media), failed %,d%s; p50 %.1f ms, p99 %.1f ms%n",
                    views.requests.get(),
                    views.started.get(),
                    views.failed.get(),
                    views.failed.get() == 0 ? "" : " (" + views.failures() + ")",
                    Stats.percentile(views.millis, 50),
                    Stats.percentile(views.millis, 99));
            System.out.printf(
                    Locale.ROOT,
                    "  uploads: %,d paced, %,d confirmed, %,d published%s; confirm → published (listing every 0.5 s)"
                            + " p50 %.0f ms, p95 %.0f ms; 5xx answers %d, 503 + Retry-After %d, gave up %d%n",
                    uploadCount,
                    uploads.confirmed.size(),
                    published,
                    settled ? ", every one complete (8 variants)" : ", NOT all complete",
                    Stats.percentile(toPublished, 50),
                    Stats.percentile(toPublished, 95),
                    stage.tally.serverErrors.get(),
                    stage.tally.retryAfter503.get(),
                    uploads.failed.size());
            System.out.printf(
                    "  failed requests: %d%s%n",
                    failed + uploads.failed.size(),
                    failed + uploads.failed.size() == 0 ? " (target 0: met)" : " (target 0: MISSED)");
            for (Thread thread : balancer) {
                thread.join(Duration.ofSeconds(10));
            }
        }
    }

    private static List<String> with(List<String> settings, String more) {
        List<String> all = new ArrayList<>(settings);
        all.add(more);
        return all;
    }

    static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            FaultClient.sleep(Duration.ofNanos(left));
        }
    }

    /** Image views, paced: the image's page from the API, then its medium variant from the media route. */
    private static final class Views {
        final FaultClient visitor;
        final UUID gallery;
        final List<UUID> images;
        final AtomicInteger started = new AtomicInteger();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        Views(FaultClient visitor, UUID gallery, List<UUID> images) {
            this.visitor = visitor;
            this.gallery = gallery;
            this.images = images;
        }

        Thread paced(int perMinute, long start, long end) {
            long every = Duration.ofMinutes(1).toNanos() / perMinute;
            return Thread.ofVirtual().start(() -> {
                List<Thread> running = new ArrayList<>();
                for (long at = start; at < end; at += every) {
                    sleepUntil(at);
                    int n = started.getAndIncrement();
                    running.add(Thread.ofVirtual().start(() -> view(n)));
                    if (running.size() > 1_000) {
                        running.removeIf(thread -> !thread.isAlive());
                    }
                }
                for (Thread thread : running) {
                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }

        private void view(int n) {
            UUID image = images.get(n % images.size());
            String page = get("/api/galleries/" + gallery + "/images/" + image);
            if (page == null) {
                return;
            }
            try {
                for (JsonNode variant : JSON.readTree(page).path("variants")) {
                    if (variant.path("size").asText().equals("medium")
                            && variant.path("format").asText().equals("webp")) {
                        // the balancer's address, whichever node wrote the URL
                        get(URI.create(variant.path("url").asText()).getRawPath());
                        return;
                    }
                }
                fail("no medium WebP in " + Journal.shorten(page));
            } catch (IOException e) {
                fail("unreadable page: " + e);
            }
        }

        private String get(String path) {
            requests.incrementAndGet();
            try {
                FaultClient.Answer answer = visitor.send("GET", path, null, BackgroundReader.HUNG);
                millis.add(answer.millis());
                if (answer.status() == 200) {
                    return answer.body();
                }
                fail("GET " + path + " -> " + answer.status());
            } catch (HttpTimeoutException hung) {
                millis.add((double) BackgroundReader.HUNG.toMillis());
                fail("GET " + path + " hung");
            } catch (IOException e) {
                fail("GET " + path + ": " + e);
            }
            return null;
        }

        private void fail(String why) {
            failed.incrementAndGet();
            if (failures.size() < 5) {
                failures.add(why);
            }
        }

        String failures() {
            return String.join("; ", failures);
        }
    }
}
