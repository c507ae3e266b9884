package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The scenarios of the fault harness. Each gets a fresh {@link Stage}, starts its node(s), creates a public gallery
 * owned by the administrator, and keeps a {@link BackgroundReader} and a {@link Progress} going while it uploads and
 * does its harm; then it says what the users got, as one {@link Row}.
 */
final class FaultScenarios {

    /** A scenario that cannot apply here (said in the table, with why). */
    static final class NotApplicable extends Exception {
        NotApplicable(String why) {
            super(why);
        }
    }

    interface Body {
        Row run(Stage stage) throws Exception;
    }

    /** A scenario: its title in the table, when it cannot apply to a mode (null: it can), what it does. */
    record Scenario(String title, Function<Stage.Mode, String> notApplicableTo, Body body) {
        String notApplicable(Stage.Mode mode) {
            return notApplicableTo.apply(mode);
        }

        Row run(Stage stage) throws Exception {
            return body.run(stage);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** When, after the uploads begin, the fault is done: some uploads are through by then, most are not. */
    private static final Duration FAULT_AT = Duration.ofSeconds(8);

    private static final Duration POSTGRES_DOWN = Duration.ofSeconds(5);
    static final String CRASH_MARKER = "VITRINE-FAULTS-CRASH";
    private static final int MAX_RESTARTS = 5;

    private final Faults.Settings settings;

    FaultScenarios(Faults.Settings settings) {
        this.settings = settings;
    }

    /** Every scenario, by the name the command line selects it with, in the table's order. */
    Map<String, Scenario> all() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put("kill-9", new Scenario("kill -9", mode -> null, this::killNine));
        all.put(
                "postgresql",
                new Scenario(
                        "postgresql restart (down " + POSTGRES_DOWN.toSeconds() + " s)",
                        mode -> null,
                        stage -> outage(
                                stage,
                                false,
                                node -> stage.mode == Stage.Mode.MACHINE
                                        ? Outage.machinePostgres(stage.journal)
                                        : embeddedPostgres(stage, node),
                                POSTGRES_DOWN)));
        all.put(
                "rabbitmq",
                new Scenario(
                        "rabbitmq down " + settings.outage().toSeconds() + " s",
                        mode -> mode == Stage.Mode.EMBEDDED
                                ? "embedded mode has no RabbitMQ (its jobs are in a PostgreSQL table)"
                                : null,
                        stage -> outage(stage, false, node -> Outage.rabbitmq(stage.journal), settings.outage())));
        all.put(
                "redis",
                new Scenario(
                        "redis down " + settings.outage().toSeconds() + " s",
                        mode -> mode == Stage.Mode.EMBEDDED
                                ? "embedded mode has no Redis (its read cache is in-process)"
                                : null,
                        stage -> outage(stage, false, node -> Outage.redis(stage.journal), settings.outage())));
        all.put(
                "s3",
                new Scenario(
                        "s3 unreachable " + settings.outage().toSeconds() + " s",
                        mode -> null,
                        stage -> outage(stage, true, node -> Outage.s3(stage.s3(), stage.journal), settings.outage())));
        all.put(
                "rolling",
                new Scenario(
                        "rolling restart",
                        mode -> mode == Stage.Mode.EMBEDDED
                                ? "embedded mode is one node by design (its PostgreSQL and S3 server live in it)"
                                : null,
                        this::rollingRestart));
        all.put("overload", new Scenario("overload", mode -> null, this::overload));
        all.put("poison", new Scenario("poison", mode -> null, this::poison));
        all.put("webhook", new Scenario("broken webhook", mode -> null, this::brokenWebhook));
        return all;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. kill -9 right after the last confirmation; the restart on the same data must finish every upload

    private Row killNine(Stage stage) throws Exception {
        FaultNode node = stage.node("a", List.of());
        node.start();
        try (Site site = open(stage, false, Duration.ofSeconds(1))) {
            int n = settings.uploads();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            // everything reserved and stored first, then every confirmation at once: the kill finds as much in
            // flight as a burst of confirmations can put there
            List<Uploads.Prepared> prepared = Collections.synchronizedList(new ArrayList<>());
            parallel(8, n, i -> {
                Uploads.Prepared upload = site.uploads.prepare(site.gallery, i, site.uploads.photo(i), deadline);
                if (upload != null) {
                    prepared.add(upload);
                }
            });
            long confirming = System.nanoTime();
            parallel(16, prepared.size(), i -> site.uploads.confirm(prepared.get(i), deadline));
            node.kill();
            long killed = System.nanoTime();
            Set<UUID> confirmed = Set.copyOf(site.uploads.confirmed);
            int inFlight = confirmed.size() - site.progress.completed(confirmed);
            stage.journal.say(
                    "%d confirmed in %s s, then kill -9 with %d not complete (as last seen)",
                    confirmed.size(), seconds(killed - confirming), inFlight);
            node.start();
            long ready = System.nanoTime();
            stage.journal.say("restarted: ready %s s after the kill", seconds(ready - killed));
            site.progress.awaitSettled(confirmed, ready + settings.bound().toNanos());
            return result(
                    stage,
                    site,
                    List.of(site.progress),
                    inFlight + "/" + n,
                    n,
                    confirmed,
                    ready,
                    List.of("restart ready " + seconds(ready - killed) + " s after the kill; default job lease"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2–5. a service away while uploads and reads go on

    interface OutageOf {
        Outage of(FaultNode node) throws Exception;
    }

    /**
     * Uploads paced over the whole scenario (each its own client); at {@link #FAULT_AT} the service goes away for
     * {@code down}, then comes back; every confirmed upload must then complete within the bound.
     */
    private Row outage(Stage stage, boolean ownS3, OutageOf outageOf, Duration down) throws Exception {
        if (ownS3) {
            stage.s3();
        }
        FaultNode node = stage.node("a", List.of());
        node.start();
        Outage outage = outageOf.of(node);
        try (Site site = open(stage, false, Duration.ofSeconds(1))) {
            int n = settings.uploads();
            Duration window = FAULT_AT.plus(down).plusSeconds(5);
            long start = System.nanoTime();
            long deadline =
                    start + window.plus(settings.bound()).plusSeconds(60).toNanos();
            List<Thread> uploading = paced(site, n, window, deadline, null);
            sleepUntil(start + FAULT_AT.toNanos());
            int inFlight = n - site.progress.completed(site.uploads.confirmed);
            long away = System.nanoTime();
            outage.takeAway();
            try {
                FaultClient.sleep(down);
            } finally {
                outage.restore();
            }
            long recovered = System.nanoTime();
            stage.journal.say("%s back after %s s", outage.name, seconds(recovered - away));
            join(uploading, deadline);
            Set<UUID> confirmed = Set.copyOf(site.uploads.confirmed);
            site.progress.awaitSettled(confirmed, recovered + settings.bound().toNanos());
            return result(
                    stage,
                    site,
                    List.of(site.progress),
                    inFlight + "/" + n,
                    n,
                    confirmed,
                    recovered,
                    List.of(outage.name + " away " + seconds(recovered - away) + " s"));
        }
    }

    /** The node's embedded PostgreSQL, if its pg_ctl can be used here. */
    private static Outage embeddedPostgres(Stage stage, FaultNode node) throws Exception {
        Path data = node.dataDir.resolve("postgres");
        Path postgres = Outage.postmasterBinary(data)
                .orElseThrow(() -> new NotApplicable("no embedded postmaster found on " + data));
        try {
            Outage.shell(
                    stage.journal,
                    Outage.pgCtl(postgres.resolveSibling("pg_ctl").toString(), "-D", data.toString(), "status"));
        } catch (IOException e) {
            throw new NotApplicable(
                    "the embedded PostgreSQL's pg_ctl cannot be used here: " + Journal.shorten(e.getMessage()));
        }
        return Outage.embeddedPostgres(data, stage.journal);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 6. rolling restart: two nodes, one stopped with SIGTERM and started again, while clients use both

    private Row rollingRestart(Stage stage) throws Exception {
        stage.s3(); // the nodes share one S3 server, as they share the database and the queue
        FaultNode a = stage.node("a", List.of());
        FaultNode b = stage.node("b", List.of());
        a.start(); // first, alone: one node migrates the fresh database
        b.start();
        AtomicBoolean polling = new AtomicBoolean(true);
        List<Thread> balancer = List.of(pollReadiness(a, polling), pollReadiness(b, polling));
        try (Site site = open(stage, false, Duration.ofSeconds(1))) {
            int n = settings.uploads();
            Duration window = FAULT_AT.plusSeconds(40);
            long start = System.nanoTime();
            long deadline =
                    start + window.plus(settings.bound()).plusSeconds(60).toNanos();
            List<Thread> uploading = paced(site, n, window, deadline, null);
            sleepUntil(start + FAULT_AT.toNanos());
            int inFlight = n - site.progress.completed(site.uploads.confirmed);
            long sigterm = System.nanoTime();
            stage.journal.say("SIGTERM to node a");
            int exit = a.terminate(Duration.ofSeconds(60));
            long exited = System.nanoTime();
            String stopped = exit == -1
                    ? "node a still running 60 s after SIGTERM (killed)"
                    : "node a exited " + exit + " " + seconds(exited - sigterm) + " s after SIGTERM";
            if (exit == -1) {
                a.kill();
            }
            stage.journal.say("%s; starting it again", stopped);
            a.start();
            long recovered = System.nanoTime();
            join(uploading, deadline);
            Set<UUID> confirmed = Set.copyOf(site.uploads.confirmed);
            site.progress.awaitSettled(confirmed, recovered + settings.bound().toNanos());
            return result(
                    stage,
                    site,
                    List.of(site.progress),
                    inFlight + "/" + n,
                    n,
                    confirmed,
                    recovered,
                    List.of(stopped, "ready again " + seconds(recovered - exited) + " s later"));
        } finally {
            polling.set(false);
            join(balancer, System.nanoTime() + Duration.ofSeconds(10).toNanos());
        }
    }

    /** A load balancer's health check of one node: often, on a fresh connection, not counted as a user's request. */
    static Thread pollReadiness(FaultNode node, AtomicBoolean polling) {
        return Thread.ofVirtual().start(() -> {
            while (polling.get()) {
                try (HttpClient client = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .build()) {
                    HttpResponse<Void> answer = client.send(
                            HttpRequest.newBuilder(URI.create(node.target.base + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    node.target.ready = answer.statusCode() == 200;
                } catch (IOException e) {
                    node.target.ready = false;
                } catch (InterruptedException e) {
                    return;
                }
                FaultClient.sleep(Duration.ofMillis(100));
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 7. overload: a burst of confirmed uploads within a minute, while visitors read a cached page

    private Row overload(Stage stage) throws Exception {
        FaultNode node = stage.node("a", List.of());
        node.start();
        try (Site site = open(stage, true, Duration.ofSeconds(3));
                QueueDepth depth = new QueueDepth(site.owner).start()) {
            int burst = settings.burst();
            long start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(10).toNanos();
            // spread over 55 s so that all are confirmed within the minute if Vitrine keeps up; at most 32 at once
            join(paced(site, burst, Duration.ofSeconds(55), deadline, new Semaphore(32)), deadline);
            Set<UUID> confirmed = Set.copyOf(site.uploads.confirmed);
            long lastConfirm = site.uploads.confirmedAt.values().stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(System.nanoTime());
            stage.journal.say(
                    "%d of %d confirmed in %s s; draining", confirmed.size(), burst, seconds(lastConfirm - start));
            boolean drained = site.progress.awaitSettled(
                    confirmed, lastConfirm + settings.drainBound().toNanos());
            Long last = site.progress.lastCompletion(confirmed);
            long drainedAt = last != null ? last : System.nanoTime();
            List<Double> burstReads = site.reader.millisBetween(start, lastConfirm);
            List<Double> drainReads = site.reader.millisBetween(lastConfirm, drainedAt);
            List<String> notes = new ArrayList<>();
            notes.add(confirmed.size() + " confirmed in " + seconds(lastConfirm - start) + " s");
            notes.add(
                    drained && last != null
                            ? "drained " + seconds(Math.max(0, last - lastConfirm)) + " s after the last confirmation"
                            : "not drained within " + settings.drainBound().toSeconds() + " s");
            notes.add("cached page during the burst " + percentiles(burstReads));
            notes.add("while the backlog drained " + percentiles(drainReads));
            notes.add(depth.describe());
            return result(
                    stage,
                    site,
                    List.of(site.progress),
                    String.valueOf(burst),
                    burst,
                    confirmed,
                    lastConfirm,
                    notes,
                    settings.drainBound());
        }
    }

    private static String percentiles(List<Double> millis) {
        return millis.isEmpty()
                ? "no read answered"
                : String.format(
                        Locale.ROOT,
                        "p50 %.0f ms, p99 %.0f ms (%d reads)",
                        Stats.percentile(millis, 50),
                        Stats.percentile(millis, 99),
                        millis.size());
    }

    /** Polls GET /api/admin/processing (where a node has it) and keeps the largest of each number it answers. */
    private static final class QueueDepth implements AutoCloseable {
        private final FaultClient admin;
        private final Map<String, Long> max = new ConcurrentHashMap<>();
        private volatile String outcome = "GET /api/admin/processing never answered";
        private volatile boolean running = true;
        private Thread thread;

        QueueDepth(FaultClient admin) {
            this.admin = admin;
        }

        QueueDepth start() {
            thread = Thread.ofVirtual().start(() -> {
                while (running) {
                    try {
                        FaultClient.Answer answer =
                                admin.send("GET", "/api/admin/processing", null, Duration.ofSeconds(10));
                        if (answer.status() == 404) {
                            outcome = "no GET /api/admin/processing on this build (404)";
                            return;
                        }
                        if (answer.status() == 200) {
                            numbers("", JSON.readTree(answer.body()));
                        } else {
                            outcome = "GET /api/admin/processing answered " + answer.status();
                        }
                    } catch (IOException | RuntimeException e) {
                        // a node that is busy or down: ask again
                    }
                    FaultClient.sleep(Duration.ofSeconds(1));
                }
            });
            return this;
        }

        private void numbers(String path, JsonNode node) {
            if (node.isNumber()) {
                max.merge(path, node.asLong(), Math::max);
            } else if (node.isObject()) {
                node.properties()
                        .forEach(e -> numbers(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue()));
                // the depth: jobs waiting, either half (ProcessingQueueView)
                if (node.has("waitingToPublish") && node.has("waitingToComplete")) {
                    max.merge(
                            "depth",
                            node.get("waitingToPublish").asLong()
                                    + node.get("waitingToComplete").asLong(),
                            Math::max);
                }
            }
        }

        /** The largest queue depth seen, then the largest of each of its parts. */
        String describe() {
            if (max.isEmpty()) {
                return outcome;
            }
            if (max.containsKey("depth")) {
                StringBuilder parts = new StringBuilder();
                for (String field : List.of("waitingToPublish", "waitingToComplete", "inHand", "deadLettered")) {
                    if (max.containsKey(field)) {
                        parts.append(parts.isEmpty() ? "" : ", ")
                                .append(field)
                                .append(' ')
                                .append(max.get(field));
                    }
                }
                return "max queue depth " + max.get("depth") + " (maxima: " + parts + ")";
            }
            return "GET /api/admin/processing maxima " + new TreeMap<>(max);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(Duration.ofSeconds(15));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 8. poison: a file that crashes the process; the harness restarts it as a service manager would

    private Row poison(Stage stage) throws Exception {
        FaultNode node = stage.node("a", List.of("--vitrine.processing.test-crash-marker=" + CRASH_MARKER));
        node.start();
        AtomicLong lastReady = new AtomicLong(System.nanoTime());
        AtomicInteger restarts = new AtomicInteger();
        AtomicBoolean gaveUp = new AtomicBoolean();
        AtomicBoolean supervising = new AtomicBoolean(true);
        AtomicBoolean restarting = new AtomicBoolean();
        List<Integer> exits = Collections.synchronizedList(new ArrayList<>());
        // as systemd's Restart=on-failure: a node that died is started again, up to MAX_RESTARTS times
        Thread supervisor = Thread.ofPlatform().name("supervisor").start(() -> {
            while (supervising.get()) {
                if (!node.alive()) {
                    exits.add(node.exitValue());
                    if (restarts.get() >= MAX_RESTARTS) {
                        stage.journal.say(
                                "node exited with %d; %d restarts already: giving up",
                                node.exitValue(), restarts.get());
                        gaveUp.set(true);
                        return;
                    }
                    stage.journal.say("node exited with %d: restart %d", node.exitValue(), restarts.incrementAndGet());
                    restarting.set(true);
                    try {
                        if (node.startAndAwait()) {
                            lastReady.set(System.nanoTime());
                        }
                    } catch (IOException e) {
                        stage.journal.say("restart failed: %s", e.getMessage());
                    } catch (InterruptedException e) {
                        return;
                    } finally {
                        restarting.set(false);
                    }
                }
                FaultClient.sleep(Duration.ofMillis(200));
            }
        });
        try (Site site = open(stage, false, Duration.ofSeconds(1))) {
            int n = settings.uploads();
            int poisonAt = n / 2; // ordinary uploads before and after it
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            Map<Integer, UUID> ids = new ConcurrentHashMap<>();
            parallel(8, n + 1, i -> {
                byte[] bytes = site.uploads.photo(i);
                UUID id = site.uploads.upload(
                        site.gallery, i, i == poisonAt ? Uploads.append(bytes, CRASH_MARKER) : bytes, deadline);
                if (id != null) {
                    ids.put(i, id);
                }
            });
            UUID poison = ids.get(poisonAt);
            List<UUID> ordinary = ids.entrySet().stream()
                    .filter(e -> e.getKey() != poisonAt)
                    .map(Map.Entry::getValue)
                    .toList();
            stage.journal.say("%d ordinary uploads and the poison confirmed", ordinary.size());
            while (true) {
                Progress.Seen seen = poison == null ? null : site.progress.seen(poison);
                boolean settled =
                        poison == null || (seen != null && !seen.status().equals("processing"));
                if (settled && site.progress.settled(ordinary) == ordinary.size()) {
                    break;
                }
                // the bound runs from the last restart that came up; a restart under way (each bounded) is waited for
                boolean running = node.alive() && !restarting.get();
                if ((gaveUp.get() && !node.alive())
                        || (running
                                && System.nanoTime()
                                        > lastReady.get() + settings.bound().toNanos())) {
                    break;
                }
                FaultClient.sleep(Duration.ofMillis(200));
            }
            supervising.set(false);
            supervisor.join(Duration.ofMinutes(4));
            site.progress.poll();
            Progress.Seen seen = poison == null ? null : site.progress.seen(poison);
            String verdict = poison == null
                    ? "poison: never confirmed"
                    : "poison: "
                            + (seen == null
                                    ? "not listed"
                                    : seen.status() + (seen.problem() == null ? "" : " " + seen.problem()))
                            + " after " + restarts.get() + " restarts (exits " + exits + ")";
            return result(
                    stage,
                    site,
                    List.of(site.progress),
                    n + " + the poison",
                    n,
                    ordinary,
                    lastReady.get(),
                    List.of(verdict, "after recovery: after the last restart"));
        } finally {
            supervising.set(false);
            supervisor.join(Duration.ofMinutes(4));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 9. broken webhook: one endpoint never answers; the other must still get every event of its gallery, soon

    private Row brokenWebhook(Stage stage) throws Exception {
        FaultNode node = stage.node("a", List.of());
        node.start();
        try (WebhookEndpoints.BlackHole blackHole = new WebhookEndpoints.BlackHole();
                WebhookEndpoints.Receiver receiver = new WebhookEndpoints.Receiver();
                Site site = open(stage, false, Duration.ofSeconds(1))) {
            // the site's gallery is B (its endpoint receives, visitors read it); A's endpoint never answers. Both
            // endpoints are the administrator's: only an administrator may allow a target on this machine.
            long setUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            UUID galleryA = createGallery(site.owner, "Faults A", setUp);
            UUID galleryB = site.gallery;
            String hookA = registerWebhook(site.owner, blackHole.url(), galleryA, setUp);
            registerWebhook(site.owner, receiver.url(), galleryB, setUp);
            Progress progressA = new Progress(site.owner, galleryA, Duration.ofSeconds(1)).start();
            int n = settings.uploads();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            Map<UUID, UUID> galleryOf = new ConcurrentHashMap<>();
            parallel(8, n, i -> {
                UUID gallery = i % 2 == 0 ? galleryA : galleryB;
                UUID id = site.uploads.upload(gallery, i, site.uploads.photo(i), deadline);
                if (id != null) {
                    galleryOf.put(id, gallery);
                }
            });
            Set<UUID> confirmed = Set.copyOf(site.uploads.confirmed);
            long lastConfirm = site.uploads.confirmedAt.values().stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(System.nanoTime());
            List<UUID> inA = confirmed.stream()
                    .filter(id -> galleryA.equals(galleryOf.get(id)))
                    .toList();
            List<UUID> inB = confirmed.stream()
                    .filter(id -> galleryB.equals(galleryOf.get(id)))
                    .toList();
            long bound = lastConfirm + settings.bound().toNanos();
            progressA.awaitSettled(inA, bound);
            site.progress.awaitSettled(inB, bound);

            // every complete image of B: its upload request, its publication, its eight variants
            Map<String, Integer> perImage = Map.of(
                    "dev.vitrine.image.upload-requested.v1",
                    1,
                    "dev.vitrine.image.published.v1",
                    1,
                    "dev.vitrine.image.variant-generated.v1",
                    8);
            List<UUID> completeB = inB.stream()
                    .filter(id -> site.progress.completed(List.of(id)) == 1)
                    .toList();
            long eventsBound = System.nanoTime() + settings.bound().toNanos();
            WebhookCount count = WebhookCount.of(receiver, completeB, perImage);
            while (count.missing() > 0 && System.nanoTime() < eventsBound) {
                FaultClient.sleep(Duration.ofMillis(500));
                count = WebhookCount.of(receiver, completeB, perImage);
            }
            List<Double> eventToReceipt = new ArrayList<>();
            List<Double> confirmToPublished = new ArrayList<>();
            for (WebhookEndpoints.Received first : count.firstReceipts().values()) {
                eventToReceipt.add((double)
                        Duration.between(first.eventTime(), first.receivedAt()).toMillis());
                if (first.type().equals("dev.vitrine.image.published.v1") && first.imageId() != null) {
                    Instant confirmedAt = site.uploads.confirmedWall.get(UUID.fromString(first.imageId()));
                    if (confirmedAt != null) {
                        confirmToPublished.add((double) Duration.between(confirmedAt, first.receivedAt())
                                .toMillis());
                    }
                }
            }
            String statusA = "?";
            try {
                FaultClient.Answer a = site.owner.send("GET", "/api/webhooks/" + hookA, null, Duration.ofSeconds(10));
                statusA = a.status() == 200
                        ? JSON.readTree(a.body()).path("status").asText()
                        : "" + a.status();
            } catch (IOException e) {
                statusA = "unreadable: " + e.getMessage();
            }
            List<String> notes = new ArrayList<>();
            notes.add(String.format(
                    Locale.ROOT,
                    "B received %d of %d events of its %d complete images (missing %d, redelivered %d%s)",
                    count.expected() - count.missing(),
                    count.expected(),
                    completeB.size(),
                    count.missing(),
                    count.redelivered(),
                    count.others().isEmpty() ? "" : ", other types " + count.others()));
            if (!eventToReceipt.isEmpty()) {
                notes.add(String.format(
                        Locale.ROOT,
                        "event time→B p50 %.0f ms, p99 %.0f ms",
                        Stats.percentile(eventToReceipt, 50),
                        Stats.percentile(eventToReceipt, 99)));
            }
            if (!confirmToPublished.isEmpty()) {
                notes.add(String.format(
                        Locale.ROOT,
                        "confirm→published at B p50 %.0f ms, p99 %.0f ms",
                        Stats.percentile(confirmToPublished, 50),
                        Stats.percentile(confirmToPublished, 99)));
            }
            notes.add("A: " + blackHole.connections() + " connections held unanswered, endpoint " + statusA);
            notes.add("after recovery: after the last confirmation");
            progressA.close();
            return result(
                    stage,
                    site,
                    List.of(site.progress, progressA),
                    String.valueOf(n),
                    n,
                    confirmed,
                    lastConfirm,
                    notes);
        }
    }

    /** What the receiving endpoint got of the images it should have heard of. */
    private record WebhookCount(
            int expected,
            int missing,
            int redelivered,
            Map<String, Integer> others,
            Map<String, WebhookEndpoints.Received> firstReceipts) {

        static WebhookCount of(WebhookEndpoints.Receiver receiver, List<UUID> images, Map<String, Integer> perImage) {
            Map<String, WebhookEndpoints.Received> first = new HashMap<>();
            int total = 0;
            for (WebhookEndpoints.Received received : receiver.received) {
                total++;
                first.putIfAbsent(received.webhookId(), received);
            }
            Map<String, Integer> got = new HashMap<>();
            Map<String, Integer> others = new TreeMap<>();
            for (WebhookEndpoints.Received received : first.values()) {
                if (perImage.containsKey(received.type())) {
                    got.merge(received.imageId() + " " + received.type(), 1, Integer::sum);
                } else {
                    others.merge(received.type(), 1, Integer::sum);
                }
            }
            int expected = 0;
            int missing = 0;
            for (UUID image : images) {
                for (Map.Entry<String, Integer> type : perImage.entrySet()) {
                    expected += type.getValue();
                    String key = image + " " + type.getKey();
                    missing += Math.max(0, type.getValue() - got.getOrDefault(key, 0));
                }
            }
            return new WebhookCount(expected, missing, total - first.size(), others, first);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // what every scenario shares

    /** One public gallery of the administrator's, uploaded to, watched and read while the scenario runs. */
    private static final class Site implements AutoCloseable {
        final FaultClient owner;
        final UUID gallery;
        final Uploads uploads;
        final Progress progress;
        final BackgroundReader reader;

        Site(FaultClient owner, UUID gallery, Uploads uploads, Progress progress, BackgroundReader reader) {
            this.owner = owner;
            this.gallery = gallery;
            this.uploads = uploads;
            this.progress = progress;
            this.reader = reader;
        }

        @Override
        public void close() throws InterruptedException {
            reader.close();
            progress.close();
        }
    }

    private Site open(Stage stage, boolean cachedPage, Duration pollEvery) throws Exception {
        FaultClient owner = stage.client(FaultNode.ADMIN_CREDENTIALS);
        UUID gallery = createGallery(
                owner, "Faults", System.nanoTime() + Duration.ofMinutes(2).toNanos());
        Uploads uploads = new Uploads(owner, settings.fixtures(), stage.journal);
        Progress progress = new Progress(owner, gallery, pollEvery).start();
        BackgroundReader reader = (cachedPage
                        ? BackgroundReader.cachedPage(owner.anonymous(), stage.tally, gallery)
                        : BackgroundReader.browsing(owner.anonymous(), stage.tally, gallery))
                .start();
        return new Site(owner, gallery, uploads, progress, reader);
    }

    private static UUID createGallery(FaultClient owner, String name, long deadline) throws IOException {
        FaultClient.Answer created =
                owner.call("POST", "/api/galleries", "{\"name\":\"" + name + "\",\"visibility\":\"public\"}", deadline);
        if (created.status() != 201) {
            throw new IOException("creating a gallery answered " + created.status() + " " + created.body());
        }
        return UUID.fromString(JSON.readTree(created.body()).get("id").asText());
    }

    private static String registerWebhook(FaultClient admin, String url, UUID gallery, long deadline)
            throws IOException {
        FaultClient.Answer created = admin.call(
                "POST",
                "/api/webhooks",
                JSON.writeValueAsString(Map.of(
                        "url", url, "types", List.of(), "galleryId", gallery.toString(), "allowPrivateNetwork", true)),
                deadline);
        if (created.status() != 201) {
            throw new IOException("registering a webhook answered " + created.status() + " " + created.body());
        }
        return JSON.readTree(created.body()).get("id").asText();
    }

    private Row result(
            Stage stage,
            Site site,
            List<Progress> progresses,
            String inFlight,
            int total,
            Collection<UUID> confirmed,
            long recoveredNanos,
            List<String> notes)
            throws InterruptedException {
        return result(stage, site, progresses, inFlight, total, confirmed, recoveredNanos, notes, settings.bound());
    }

    /** The row: the reader stopped, each gallery listed once more, then counted. */
    private Row result(
            Stage stage,
            Site site,
            List<Progress> progresses,
            String inFlight,
            int total,
            Collection<UUID> confirmed,
            long recoveredNanos,
            List<String> notes,
            Duration bound)
            throws InterruptedException {
        site.reader.close();
        int complete = 0;
        long duplicates = 0;
        Long last = null;
        Long lastSettled = null;
        boolean allSettled = mineAll(progresses, confirmed);
        boolean allComplete;
        StringBuilder unfinished = new StringBuilder();
        for (Progress progress : progresses) {
            progress.close();
            for (int attempt = 0; attempt < 3 && !progress.poll(); attempt++) {
                FaultClient.sleep(Duration.ofSeconds(1));
            }
            List<UUID> mine =
                    confirmed.stream().filter(id -> progress.seen(id) != null).toList();
            complete += progress.completed(confirmed);
            duplicates += progress.duplicates(site.uploads.requested);
            Long lastHere = progress.lastCompletion(mine);
            if (lastHere != null) {
                last = last == null ? lastHere : Math.max(last, lastHere);
            }
            Long settledHere = progress.lastSettled(mine);
            if (settledHere != null) {
                lastSettled = lastSettled == null ? settledHere : Math.max(lastSettled, settledHere);
            } else if (!mine.isEmpty()) {
                allSettled = false;
            }
            String states = progress.unfinished(mine);
            if (!states.isEmpty()) {
                unfinished.append(unfinished.isEmpty() ? "" : ", ").append(states);
            }
        }
        allComplete = complete == confirmed.size();
        int lost = confirmed.size() - complete;
        List<String> all = new ArrayList<>(notes);
        if (confirmed.size() < total) {
            all.add((total - confirmed.size()) + " of " + total + " uploads never confirmed (client gave up: "
                    + Journal.shorten(String.valueOf(site.uploads.failed.peek())) + ")");
        }
        if (lost > 0) {
            int unlisted = (int) confirmed.stream()
                    .filter(id -> progresses.stream().allMatch(p -> p.seen(id) == null))
                    .count();
            all.add("not complete: " + unfinished
                    + (unlisted > 0 ? (unfinished.isEmpty() ? "" : ", ") + "not listed=" + unlisted : ""));
        }
        all.add(site.reader.attempts() + " reads"
                + (stage.tally.failedReads.get() == 0 ? "" : " (failed: " + stage.tally.failedReadKinds() + ")"));
        String recovery;
        if (confirmed.isEmpty()) {
            recovery = "-";
        } else if (allComplete && last != null) {
            recovery = seconds(Math.max(0, last - recoveredNanos));
        } else if (allSettled && lastSettled != null) {
            // every one ended, some not complete (rejected, stalled): how long until the last one ended
            recovery = seconds(Math.max(0, lastSettled - recoveredNanos)) + " (" + lost + " not complete)";
        } else {
            recovery = "> " + bound.toSeconds() + " (" + lost + " not complete)";
        }
        double p99 = site.reader.percentile(99);
        return new Row(
                stage.mode.label(),
                stageTitle(stage),
                inFlight,
                complete + "/" + confirmed.size(),
                String.valueOf(duplicates),
                String.valueOf(lost),
                recovery,
                String.valueOf(stage.tally.serverErrors.get()),
                String.valueOf(stage.tally.retryAfter503.get()),
                String.valueOf(stage.tally.failedReads.get()),
                Double.isNaN(p99) ? "-" : String.format(Locale.ROOT, "%.0f", p99),
                String.join("; ", all));
    }

    /** Whether every one of {@code ids} was listed by one of the galleries (else one of them has no settle time). */
    private static boolean mineAll(List<Progress> progresses, Collection<UUID> ids) {
        return ids.stream().allMatch(id -> progresses.stream().anyMatch(p -> p.seen(id) != null));
    }

    private String stageTitle(Stage stage) {
        return all().get(stage.scenario).title();
    }

    /**
     * Upload i begins at i × window / n after now, each as its own client (a virtual thread), so that uploads keep
     * coming while the fault lasts; {@code places}, when given, bounds how many are under way at once.
     */
    private static List<Thread> paced(Site site, int n, Duration window, long deadline, Semaphore places) {
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int number = i;
            long at = start + window.toNanos() * i / Math.max(1, n);
            threads.add(Thread.ofVirtual().name("upload-" + i).start(() -> {
                sleepUntil(at);
                try {
                    if (places != null) {
                        places.acquire();
                    }
                    try {
                        site.uploads.upload(site.gallery, number, site.uploads.photo(number), deadline);
                    } finally {
                        if (places != null) {
                            places.release();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return threads;
    }

    /** Runs task(0 … count-1) on {@code threads} threads and waits for all of them. */
    private static void parallel(int threads, int count, IntConsumer task) {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < count; i++) {
                int index = i;
                pool.submit(() -> task.accept(index));
            }
        }
    }

    private static void join(List<Thread> threads, long deadline) throws InterruptedException {
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Duration.ofNanos(left));
            }
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            FaultClient.sleep(Duration.ofNanos(left));
        }
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
