package dev.vitrine.app.outage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One request and how long its answer took. A request still unanswered after {@link #PATIENCE} counts as hung:
 * the call then answers status 0 rather than waiting on.
 */
record TimedCall(String what, int status, String retryAfter, String body, Duration took) {

    static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code credentials} are "username:password", or null for an anonymous call; {@code json} null sends no body. */
    static TimedCall send(int port, String method, String path, String credentials, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(PATIENCE)
                .header("Accept", "application/json")
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
        long start = System.nanoTime();
        String what = method + " " + path;
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TimedCall(
                    what,
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (HttpTimeoutException hung) {
            return new TimedCall(what, 0, null, "no answer", Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            return new TimedCall(what, -1, null, e.toString(), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return what + " -> " + status + " in " + took.toMillis() + " ms (Retry-After " + retryAfter + "): " + body;
    }
}
