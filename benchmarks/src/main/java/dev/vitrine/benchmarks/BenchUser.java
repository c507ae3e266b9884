package dev.vitrine.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/** The account the upload benchmarks act as, over the HTTP API of the jar under test (and others beside it). */
final class BenchUser {

    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PASSWORD = "benchmark-password";

    private BenchUser() {}

    /** An account of the jar under test: "bench", or another person (a gallery's contributor). */
    record Account(String name) {

        /** The owner of the benchmarks' galleries. */
        static final Account BENCH = new Account("bench");

        String authorization() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((name + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        }

        Account register(String base) throws Exception {
            HttpResponse<String> created = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/accounts"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("registration answered " + created.statusCode() + " " + created.body());
            }
            return this;
        }

        String send(String base, String method, String path, String body) throws Exception {
            return BenchUser.send(authorization(), base, method, path, body);
        }
    }

    static void register(String base) throws Exception {
        Account.BENCH.register(base);
    }

    /** A request signed as "bench"; a JSON body when there is one; anything but 2xx fails. */
    static String send(String base, String method, String path, String body) throws Exception {
        return send(Account.BENCH.authorization(), base, method, path, body);
    }

    private static String send(String authorization, String base, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** The file with bytes of its own appended after its end (a gallery refuses the same bytes twice). */
    static byte[] unique(byte[] file) {
        byte[] copy = Arrays.copyOf(file, file.length + 36);
        byte[] tail = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, copy, file.length, tail.length);
        return copy;
    }
}
