package dev.vitrine.app.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.app.support.JarProcess;
import dev.vitrine.app.support.RunningJar;
import dev.vitrine.app.support.TestDatabases;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of one of two nodes under a steady load of reads and writes. The client acts as a load
 * balancer: it polls each node's readiness, sends only to ready nodes, and sends to the other node when a connection
 * is refused — nothing else is retried. The stopped node must go out of service before it refuses connections, no
 * request may be answered 5xx or cut off, and the process must exit by itself soon after SIGTERM.
 */
class RollingRestartIT {

    private static final Duration EXIT_BOUND = Duration.ofSeconds(45);
    private static final int CLIENTS = 4;

    private final Map<Integer, Node> nodes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    @Test
    void sigterm_takes_a_node_out_of_service_first_and_fails_no_request() throws Exception {
        String database = TestDatabases.create();
        Node a = new Node("a", RunningJar.freePort(), RunningJar.freePort());
        Node b = new Node("b", RunningJar.freePort(), RunningJar.freePort());
        nodes.put(a.port, a);
        nodes.put(b.port, b);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // a failed check stops the load before the executor waits for it: else closing it would wait for ever
            try {
                // a first, so that only one of them migrates the fresh database
                a.start(database);
                b.start(database);
                String owner = register(a);
                String galleryId = createGallery(a, owner);

                List<Future<?>> work = new ArrayList<>();
                for (Node node : List.of(a, b)) {
                    work.add(threads.submit(() -> pollReadiness(node)));
                }
                for (int i = 0; i < CLIENTS; i++) {
                    work.add(threads.submit(() -> load(owner, galleryId)));
                }
                // both in service before the restart: on a busy machine a fresh node's first answers take a while
                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(a.answered.get())
                            .as("requests node a answered before its restart")
                            .isPositive();
                    assertThat(b.answered.get()).as("requests node b answered").isPositive();
                });

                long sigterm = System.nanoTime();
                a.sigterm = sigterm;
                a.process.terminate();
                Integer exit = a.process.awaitExit(EXIT_BOUND);
                Duration stopping = Duration.ofNanos(System.nanoTime() - sigterm);
                assertThat(exit)
                        .as(
                                "exit status of node a after SIGTERM (null: still running after %s)\n%s",
                                EXIT_BOUND, a.log())
                        .isIn(0, 143);
                String stoppedLog = a.log();
                long answeredByBDuringOutage = b.answered.get();
                // a while, not a fixed second: on a busy machine b's requests in flight may take longer than that
                Awaitility.await()
                        .atMost(Duration.ofSeconds(15))
                        .untilAsserted(() -> assertThat(b.answered.get())
                                .as("node b serves while a is away")
                                .isGreaterThan(answeredByBDuringOutage));

                long answeredByABefore = a.answered.get();
                a.start(database);
                Thread.sleep(3000);
                running.set(false);
                for (Future<?> future : work) {
                    future.get();
                }

                assertThat(failures)
                        .as("requests failed or cut off (log of a:\n%s)", a.log())
                        .isEmpty();
                assertThat(a.firstOutOfService)
                        .as("when node a's readiness answered 503 OUT_OF_SERVICE after SIGTERM")
                        .isNotNull();
                assertThat(a.firstRefused).as("when node a refused connections").isNotNull();
                assertThat(a.firstOutOfService)
                        .as("out of service before refusing")
                        .isLessThan(a.firstRefused);
                assertThat(a.firstOutOfService - sigterm).isNotNegative();
                assertThat(a.answered.get())
                        .as("node a serves again after its restart")
                        .isGreaterThan(answeredByABefore);
                assertThat(stoppedLog).contains("readiness is down");
                System.out.printf(
                        "node a: out of service %d ms after SIGTERM, refused connections after %d ms, exited %s after"
                                + " %d ms; %d requests answered in all%n",
                        Duration.ofNanos(a.firstOutOfService - sigterm).toMillis(),
                        Duration.ofNanos(a.firstRefused - sigterm).toMillis(),
                        exit,
                        stopping.toMillis(),
                        a.answered.get() + b.answered.get());
            } finally {
                running.set(false);
            }
        } finally {
            running.set(false);
            a.close();
            b.close();
        }
    }

    /** As a load balancer's health check: often, and noting when the node went out of service and when it refused. */
    private void pollReadiness(Node node) {
        while (running.get()) {
            try {
                Answer answer = send(node, "GET", "/actuator/health/readiness", null, null);
                node.ready = answer.status() == 200;
                if (node.sigterm != null
                        && node.firstOutOfService == null
                        && answer.status() == 503
                        && answer.body().contains("OUT_OF_SERVICE")) {
                    node.firstOutOfService = System.nanoTime();
                }
            } catch (ConnectException refused) {
                node.ready = false;
                if (node.sigterm != null && node.firstRefused == null) {
                    node.firstRefused = System.nanoTime();
                }
            } catch (IOException e) {
                node.ready = false;
            }
            sleep(100);
        }
    }

    private void load(String owner, String galleryId) {
        while (running.get()) {
            int kind = ThreadLocalRandom.current().nextInt(4);
            String name = "Name " + UUID.randomUUID().toString().substring(0, 8);
            switch (kind) {
                case 0 -> call("GET", "/api/galleries/" + galleryId, null, null);
                case 1 -> call("GET", "/api/galleries/" + galleryId + "/images?limit=10", null, null);
                case 2 -> call("PATCH", "/api/galleries/" + galleryId, owner, "{\"name\":\"" + name + "\"}");
                default ->
                    call("POST", "/api/galleries", owner, "{\"name\":\"" + name + "\",\"visibility\":\"public\"}");
            }
        }
    }

    /** One request to a ready node; to the other node if the connection is refused; any other failure counts. */
    private void call(String method, String path, String credentials, String json) {
        List<Node> ready = nodes.values().stream().filter(node -> node.ready).toList();
        List<Node> order = new ArrayList<>(ready.isEmpty() ? nodes.values() : ready);
        Collections.shuffle(order);
        for (Node node : order.size() == 1 ? List.of(order.getFirst(), other(order.getFirst())) : order) {
            try {
                Answer answer = send(node, method, path, credentials, json);
                node.answered.incrementAndGet();
                if (answer.status() >= 500) {
                    failures.add(method + " " + path + " on node " + node.name + " -> " + answer);
                }
                return;
            } catch (ConnectException refused) {
                // not sent: a load balancer tries the next node
            } catch (IOException cut) {
                failures.add(method + " " + path + " on node " + node.name + " cut off: " + cut);
                return;
            }
        }
        // both refused: only while neither is up, which a rolling restart must never reach
        failures.add(method + " " + path + ": no node took the connection");
    }

    private Node other(Node node) {
        return nodes.values().stream().filter(n -> n != node).findFirst().orElseThrow();
    }

    private static Answer send(Node node, String method, String path, String credentials, String json)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        // a connection per request, as a balancer opening one to whichever node it picked: a connection kept
        // alive would hide when the node stops accepting
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String register(Node node) throws IOException {
        String username = "u" + UUID.randomUUID().toString().substring(0, 12);
        String password = "pw-" + UUID.randomUUID();
        Answer answer = send(
                node,
                "POST",
                "/api/accounts",
                null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return username + ":" + password;
    }

    private String createGallery(Node node, String owner) throws IOException {
        Answer answer = send(node, "POST", "/api/galleries", owner, "{\"name\":\"Busy\",\"visibility\":\"public\"}");
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(answer.body());
        assertThat(id.find()).as("%s", answer).isTrue();
        return id.group(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int status, String body) {}

    private static final class Node implements AutoCloseable {

        final String name;
        final int port;
        final int s3Port;
        final AtomicLong answered = new AtomicLong();
        volatile JarProcess process;
        volatile boolean ready;
        volatile Long sigterm;
        volatile Long firstOutOfService;
        volatile Long firstRefused;

        Node(String name, int port, int s3Port) {
            this.name = name;
            this.port = port;
            this.s3Port = s3Port;
        }

        void start(String database) throws Exception {
            process = JarProcess.start(List.of(
                    "--server.port=" + port,
                    "--spring.datasource.url=" + database,
                    "--spring.datasource.username=" + TestDatabases.user(),
                    "--spring.datasource.password=" + TestDatabases.password(),
                    "--vitrine.embedded.data-dir=" + Files.createTempDirectory("vitrine-rolling-" + name),
                    "--vitrine.embedded.s3-port=" + s3Port,
                    "--vitrine.processing.enabled=false",
                    "--vitrine.limits.enabled=false",
                    // two nodes beside the other tests' apps: the machine's PostgreSQL takes 100 connections in all
                    "--spring.datasource.hikari.maximum-pool-size=5",
                    "--vitrine.r2dbc.pool.max-size=5"));
        }

        String log() {
            return process == null ? "" : process.log();
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null) {
                process.close();
            }
        }
    }
}
