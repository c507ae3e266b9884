package dev.vitrine.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One client on one connection asking the same question again and again, as a browser would, timing each answer
 * from the request's start to its last byte. "Cold" asks with the read cache emptied before every request, which
 * is what a write does to a gallery's answers (one INCR of the cache epoch; not timed).
 */
final class ReadClient {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String authorization;
    private final String redisEpochKey;

    ReadClient(String base, String username, String password, String redisEpochKey) {
        this.base = base;
        this.authorization = username == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.redisEpochKey = redisEpochKey;
    }

    /** Milliseconds of each of {@code samples} reads, after {@code warmUp} untimed ones. */
    List<Double> time(String path, boolean cold, int warmUp, int samples) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            get(path, cold);
        }
        List<Double> millis = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            millis.add(get(path, cold));
        }
        return millis;
    }

    byte[] body(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private double get(String path, boolean cold) throws Exception {
        if (cold) {
            emptyCache();
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
        double took = (System.nanoTime() - start) / 1e6;
        String outcome = response.headers().firstValue("X-Cache").orElse("?");
        if (response.statusCode() != 200 || !outcome.equals(cold ? "miss" : "hit")) {
            throw new IOException(path + " answered " + response.statusCode() + " (cache " + outcome + ")");
        }
        return took;
    }

    private HttpRequest request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private void emptyCache() throws Exception {
        Process incr = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "INCR", redisEpochKey)
                .redirectErrorStream(true)
                .start();
        incr.getInputStream().readAllBytes();
        if (incr.waitFor() != 0) {
            throw new IOException("redis-cli INCR " + redisEpochKey + " failed");
        }
    }
}
