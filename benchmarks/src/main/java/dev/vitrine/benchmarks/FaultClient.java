package dev.vitrine.benchmarks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A client of one or more Vitrine nodes as a real one behaves: a request goes to a node that is ready (a load
 * balancer's view, when readiness is polled) and to the next one when the connection is refused; through
 * {@link #call} it waits out a 503's Retry-After (or a second after an error) and asks again, as long as its
 * deadline allows. Every answer is counted in the scenario's {@link Tally}.
 */
final class FaultClient {

    /** One node: where it answers, and whether its readiness said it takes traffic. */
    static final class Target {
        final String base;
        volatile boolean ready = true;

        Target(String base) {
            this.base = base;
        }
    }

    record Answer(int status, String body, Duration retryAfter, double millis) {
        boolean retryable() {
            return status >= 500;
        }
    }

    private static final HttpClient SHARED = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final List<Target> targets;
    private final boolean freshConnections;
    private final Tally tally;
    private final String authorization;

    FaultClient(List<Target> targets, boolean freshConnections, Tally tally, String credentials) {
        this.targets = List.copyOf(targets);
        this.freshConnections = freshConnections;
        this.tally = tally;
        this.authorization = credentials == null
                ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** The same nodes, asked anonymously. */
    FaultClient anonymous() {
        return new FaultClient(targets, freshConnections, tally, null);
    }

    /** One attempt (on the next node if a connection is refused); answers whatever came back. */
    Answer send(String method, String path, String json, Duration timeout) throws IOException {
        IOException refused = null;
        for (Target target : order()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.base + path))
                    .timeout(timeout)
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                return exchange(method + " " + path, request.build());
            } catch (ConnectException | HttpConnectTimeoutException notSent) {
                refused = notSent; // nothing was sent: a balancer tries the next node
            }
        }
        throw refused;
    }

    /** The bytes to a presigned URL (the S3 server, not a Vitrine node), with the headers it was signed with. */
    Answer put(String url, Map<String, String> headers, byte[] bytes, Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        return exchange("PUT (presigned)", request.build());
    }

    /**
     * Asks until an answer that is not 5xx, or the deadline: after a 503 with Retry-After it waits that long, after
     * another 5xx or a connection error one second. Answers the last answer; throws if none came before the deadline.
     */
    Answer call(String method, String path, String json, long deadlineNanos) throws IOException {
        return retrying(() -> send(method, path, json, Duration.ofSeconds(30)), deadlineNanos);
    }

    Answer callPut(String url, Map<String, String> headers, byte[] bytes, long deadlineNanos) throws IOException {
        return retrying(() -> put(url, headers, bytes, Duration.ofSeconds(30)), deadlineNanos);
    }

    interface Attempt {
        Answer run() throws IOException;
    }

    private static Answer retrying(Attempt attempt, long deadlineNanos) throws IOException {
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("interrupted");
            }
            Duration wait;
            IOException failure = null;
            Answer answer = null;
            try {
                answer = attempt.run();
                if (!answer.retryable()) {
                    return answer;
                }
                wait = answer.retryAfter() != null ? answer.retryAfter() : Duration.ofSeconds(1);
            } catch (IOException e) {
                failure = e;
                wait = Duration.ofSeconds(1);
            }
            if (System.nanoTime() + wait.toNanos() > deadlineNanos) {
                if (answer != null) {
                    return answer;
                }
                throw failure;
            }
            sleep(wait);
        }
    }

    private Answer exchange(String label, HttpRequest request) throws IOException {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response;
            if (freshConnections) {
                // a connection per request, as a balancer opening one to whichever node it picked: a kept-alive
                // connection would hide when a node stops accepting
                try (HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()) {
                    response = client.send(request, HttpResponse.BodyHandlers.ofString());
                }
            } else {
                response = SHARED.send(request, HttpResponse.BodyHandlers.ofString());
            }
            double millis = (System.nanoTime() - start) / 1e6;
            Duration retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .map(FaultClient::retryAfter)
                    .orElse(null);
            tally.answered(label, response.statusCode(), retryAfter != null, response.body());
            return new Answer(response.statusCode(), response.body(), retryAfter, millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Ready nodes first, in random order (spreading the load), then the others, in case readiness is stale. */
    private List<Target> order() {
        if (targets.size() == 1) {
            return targets;
        }
        List<Target> ready = new ArrayList<>();
        List<Target> others = new ArrayList<>();
        for (Target target : targets) {
            (target.ready ? ready : others).add(target);
        }
        Collections.shuffle(ready);
        ready.addAll(others);
        return ready;
    }

    /** Seconds (the form Vitrine sends); a date or garbage is taken as one second. */
    private static Duration retryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
