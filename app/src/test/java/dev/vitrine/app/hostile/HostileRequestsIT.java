package dev.vitrine.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.sharing.query.ShareLinkView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every route of the OpenAPI document, read from the running app (so a new route is covered the day it exists),
 * sent what a hostile client sends: a bad UUID or number in each path variable, out-of-range and unparseable
 * numbers ({@code limit=1000000000}, {@code page=-1}), bad cursors, timestamps and enums in each query parameter,
 * and to each route that takes a body malformed JSON, JSON of the wrong shape, each field of the wrong type, a
 * 1 MB body, deep nesting and a 2,000-digit number. Each answer must be a 4xx {error, path, message}, never a 5xx.
 * Requests are signed by the administrator (the auditor for audit routes), so that no answer is a mere 401 or
 * 403; the valid values around the one bad value are real resources, so that no answer is a mere 404.
 */
@VitrineIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsIT {

    private static final Logger log = LoggerFactory.getLogger(HostileRequestsIT.class);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static final String ONE_MEGABYTE = "x".repeat(1024 * 1024);

    /** What an answer to a probe must be. */
    enum Expected {
        /** The request is wrong: a 4xx {error, path, message}. */
        CLIENT_ERROR,
        /** The value is odd but may be legal (a free-text path segment or header): anything but a 5xx. */
        NO_SERVER_ERROR
    }

    /** One hostile request: which operation, what is wrong with it, and what it must get. */
    record Probe(
            String method,
            String route,
            String uri,
            String body,
            Map<String, String> headers,
            String what,
            Expected expected) {

        @Override
        public String toString() {
            return method + " " + route + " with " + what;
        }

        /** What is wrong, without the value: "query limit", "body: malformed JSON". */
        String kind() {
            int value = what.indexOf('=');
            return value < 0 ? "body: " + what : what.substring(0, value);
        }
    }

    record Answer(int status, String contentType, String body) {

        /** The status and, for an error, its code: "400 invalid_parameter". */
        String summary() {
            int code = status < 400 ? -1 : body.indexOf("\"error\":\"");
            return status + (code < 0 ? "" : " " + body.substring(code + 9, body.indexOf('"', code + 9)));
        }
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    Api api;
    Api.User admin;
    Api.User auditor;
    JsonNode document;
    Map<String, String> valid;

    @BeforeAll
    void setUp() throws Exception {
        api = new Api(http);
        admin = Api.admin();
        auditor = api.registerAuditor();
        Api.User bystander = api.register();
        GalleryView gallery = api.createGallery(admin, "Hostile requests", Visibility.PUBLIC);
        ImageView image = api.upload(admin, gallery.id(), "concert.jpg", "image/jpeg");
        PresignedUpload pending = api.requestUpload(admin, gallery.id(), "Landscape_5.jpg", "image/jpeg");
        // a webhook to a closed local port: nothing leaves the machine, whatever the sweep changes
        JsonNode webhook = json.readTree(http.post()
                .uri("/api/webhooks")
                .headers(admin::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "url",
                        "http://127.0.0.1:9/hook",
                        "galleryId",
                        gallery.id().toString(),
                        "allowPrivateNetwork",
                        true))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody());
        ShareLinkView link = api.share(admin, gallery.id(), Map.of("label", "hostile"));
        valid = Map.ofEntries(
                Map.entry("galleryId", gallery.id().toString()),
                Map.entry("imageId", image.id().toString()),
                Map.entry("uploadId", pending.uploadId().toString()),
                Map.entry("webhookId", webhook.get("id").asText()),
                Map.entry("deliveryId", "1"),
                // a bystander's account, never the administrator's: a probe never changes who may do what
                Map.entry("username", bystander.username()),
                Map.entry("role", "auditor"),
                Map.entry("generation", "g1"),
                Map.entry("file", "large-0000000000000000.webp"),
                Map.entry("eventId", "1"),
                Map.entry("linkId", link.id().toString()),
                Map.entry("token", link.token()));
        document = json.readTree(http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    @Test
    void every_route_answers_every_hostile_request_with_a_4xx_error_never_a_5xx() throws Exception {
        List<Probe> probes = probes();
        List<String> failures = new ArrayList<>();
        Map<String, Set<String>> answers = new TreeMap<>();
        for (Probe probe : probes) {
            Answer answer = send(probe);
            check(probe, answer).ifPresent(failures::add);
            answers.computeIfAbsent(probe.kind(), kind -> new TreeSet<>()).add(answer.summary());
        }
        // what each kind of hostile request got, for the record (docs/security.md was written from it)
        log.info(
                "{} hostile requests; answers by kind:\n{}",
                probes.size(),
                answers.entrySet().stream()
                        .map(kind -> "  " + kind.getKey() + ": " + String.join(", ", kind.getValue()))
                        .collect(Collectors.joining("\n")));
        assertThat(probes).as("probes made from the document").hasSizeGreaterThan(150);
        assertThat(failures)
                .as("answers that are not a 4xx {error, path, message}")
                .isEmpty();
    }

    /** Every operation of the document with each of its parts made hostile in turn, the others valid. */
    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        Set<String> unprobed = new HashSet<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String method = operation.getKey().toUpperCase(Locale.ROOT);
                    String route = path.getKey();
                    JsonNode spec = operation.getValue();
                    List<JsonNode> parameters = new ArrayList<>();
                    spec.path("parameters").forEach(parameters::add);
                    boolean takesBody = spec.has("requestBody");
                    int before = probes.size();
                    for (JsonNode parameter : parameters) {
                        String name = parameter.get("name").asText();
                        String in = parameter.get("in").asText();
                        for (Map.Entry<String, Expected> bad :
                                badValues(name, parameter.path("schema"), in).entrySet()) {
                            String what = in + " " + name + "=" + abbreviate(bad.getKey());
                            Map<String, String> headers = in.equals("header") ? Map.of(name, bad.getKey()) : Map.of();
                            String uri = uri(route, in.equals("path") ? name : null, bad.getKey())
                                    + (in.equals("query") ? "?" + name + "=" + bad.getKey() : "");
                            probes.add(new Probe(
                                    method, route, uri, takesBody ? "{}" : null, headers, what, bad.getValue()));
                        }
                    }
                    if (takesBody) {
                        bodies(schema(spec.path("requestBody")))
                                .forEach((what, body) -> probes.add(new Probe(
                                        method,
                                        route,
                                        uri(route, null, null),
                                        body,
                                        Map.of(),
                                        what,
                                        Expected.CLIENT_ERROR)));
                    }
                    if (probes.size() == before && (!parameters.isEmpty() || takesBody)) {
                        unprobed.add(method + " " + route);
                    }
                }));
        assertThat(unprobed)
                .as("operations with parameters or a body and no probe")
                .isEmpty();
        return probes;
    }

    /**
     * The bad values for a parameter, from its type: anything that cannot be its type or is out of its range is a
     * client error; for free text only odd values, which may be legal but must never break the server.
     */
    private Map<String, Expected> badValues(String name, JsonNode schema, String in) {
        Map<String, Expected> values = new LinkedHashMap<>();
        String type = type(schema);
        String format = schema.path("format").asText();
        if (format.equals("uuid")) {
            values.put("not-a-uuid", Expected.CLIENT_ERROR);
            values.put("123", Expected.CLIENT_ERROR);
            values.put("00000000-0000-0000-0000-00000000000g", Expected.CLIENT_ERROR);
        } else if (type.equals("integer") || type.equals("number")) {
            values.put("1000000000", Expected.CLIENT_ERROR);
            values.put("-1", Expected.CLIENT_ERROR);
            values.put("99999999999999999999", Expected.CLIENT_ERROR);
            values.put("ten", Expected.CLIENT_ERROR);
        } else if (schema.has("enum")
                || (type.equals("array") && schema.path("items").has("enum"))) {
            values.put("no-such-value", Expected.CLIENT_ERROR);
        } else if (name.equals("cursor")) {
            values.put("yesterday", Expected.CLIENT_ERROR);
            values.put("%00%FF%FE", Expected.CLIENT_ERROR);
            values.put(
                    Base64.getUrlEncoder().encodeToString("{\"position\":-1}".getBytes(StandardCharsets.UTF_8)),
                    Expected.CLIENT_ERROR);
            values.put("A".repeat(4000), Expected.CLIENT_ERROR);
        } else if (format.equals("date-time") || name.equals("asOf")) {
            values.put("yesterday", Expected.CLIENT_ERROR);
            values.put("-999999999-01-01T00:00:00Z", Expected.CLIENT_ERROR);
        } else if (in.equals("header")) {
            values.put("not what it should be", Expected.NO_SERVER_ERROR);
            values.put("x".repeat(6000), Expected.NO_SERVER_ERROR);
        } else {
            values.put("..", Expected.NO_SERVER_ERROR);
            values.put("%2E%2E%2F%2E%2E", Expected.NO_SERVER_ERROR);
            values.put("%00", Expected.NO_SERVER_ERROR);
            values.put("%EF%BF%BF%F0%9F%98%80", Expected.NO_SERVER_ERROR);
            values.put("x".repeat(3000), Expected.NO_SERVER_ERROR);
        }
        return values;
    }

    /** Bodies no route may take: unreadable, of the wrong shape, of the wrong field types, too large or too deep. */
    private Map<String, String> bodies(JsonNode schema) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"oops\": ");
        if (type(schema).equals("array")) {
            // a route that takes a list (an image's tags) takes the empty one: a list of the wrong items instead
            bodies.put("a JSON array of objects", "[{\"oops\": 1}]");
            bodies.put("a JSON array holding null", "[null]");
        } else {
            bodies.put("a JSON array", "[]");
        }
        bodies.put("a JSON string", "\"text\"");
        bodies.put("a JSON number", "42");
        bodies.put("JSON nested 100,000 deep", "[".repeat(100_000) + "]".repeat(100_000));
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties")
                .properties()
                .forEach(property -> properties.put(property.getKey(), property.getValue()));
        properties.forEach((name, property) -> bodies.put(
                "field " + name + " of the wrong type", "{\"" + name + "\": " + wrongType(type(property)) + "}"));
        String first = properties.keySet().stream().findFirst().orElse("padding");
        bodies.put("a 1 MB body", "{\"" + first + "\": \"" + ONE_MEGABYTE + "\"}");
        bodies.put("a 2,000-digit number", "{\"" + first + "\": " + "9".repeat(2000) + "}");
        return bodies;
    }

    private static String wrongType(String type) {
        return switch (type) {
            case "integer", "number" -> "\"not a number\"";
            case "boolean" -> "\"not a boolean\"";
            case "array" -> "{\"not\": \"an array\"}";
            case "object" -> "[\"not an object\"]";
            default -> "{\"not\": \"a string\"}";
        };
    }

    /** A schema's type: OpenAPI 3.1 may give a list ("string", "null"). */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asText().equals("null")) {
                    return one.asText();
                }
            }
        }
        return type.asText("string");
    }

    private JsonNode schema(JsonNode requestBody) {
        JsonNode schema = requestBody.path("content").path("application/json").path("schema");
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : document.at(ref.substring(1));
    }

    /** The route with every path variable valid, but the one named {@code bad}, which gets {@code value}. */
    private String uri(String route, String bad, String value) {
        String uri = route;
        for (String name : valid.keySet()) {
            uri = uri.replace("{" + name + "}", name.equals(bad) ? value : valid.get(name));
        }
        if (uri.contains("{")) {
            throw new AssertionError("no valid value for a path variable of " + route + ": add it to the test");
        }
        return uri;
    }

    private Answer send(Probe probe) throws IOException, InterruptedException {
        Api.User signer = probe.route().startsWith("/api/audit") ? auditor : admin;
        String credentials = signer.username() + ":" + signer.password();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.uri()))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, text/event-stream");
        probe.headers().forEach(request::header);
        if (probe.body() == null) {
            request.method(probe.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(probe.method(), HttpRequest.BodyPublishers.ofString(probe.body()));
        }
        HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream body = response.body()) {
            // a stream that was accepted never ends: its status and type say enough
            String text = contentType.startsWith("text/event-stream")
                    ? ""
                    : new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), contentType, text);
        }
    }

    /** What is wrong with the answer, if anything. */
    private Optional<String> check(Probe probe, Answer answer) {
        String seen = probe + " -> " + answer.status() + " " + answer.contentType() + " " + abbreviate(answer.body());
        if (answer.status() >= 500) {
            return Optional.of(seen);
        }
        if (probe.expected() == Expected.NO_SERVER_ERROR && answer.status() < 400) {
            return Optional.empty();
        }
        if (answer.status() < 400) {
            return Optional.of(seen + " (a client error was expected)");
        }
        try {
            JsonNode error = json.readTree(answer.body());
            boolean shaped = error.isObject()
                    && error.path("error").isTextual()
                    && error.path("message").isTextual()
                    && error.has("path");
            return shaped ? Optional.empty() : Optional.of(seen + " (not an {error, path, message} body)");
        } catch (IOException e) {
            return Optional.of(seen + " (not JSON)");
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 60) + "…(" + flat.length() + " chars)";
    }
}
