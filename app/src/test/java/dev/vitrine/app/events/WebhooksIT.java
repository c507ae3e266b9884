package dev.vitrine.app.events;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.webhook.WebhookDeliveryView;
import dev.vitrine.api.webhook.WebhookView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Webhooks: Standard Webhooks signatures, the same webhook-id on every attempt, retries until the endpoint takes
 * the event, 410 disables it, and no endpoint receives what its owner may not see. (Retry delays are short here.)
 */
@VitrineIntegrationTest
@TestPropertySource(properties = "vitrine.webhooks.retry-delays=300ms,300ms,300ms")
class WebhooksIT {

    static final ParameterizedTypeReference<List<WebhookDeliveryView>> DELIVERIES =
            new ParameterizedTypeReference<>() {};

    /** A public address, taken at registration; see unsent(). */
    static final String PUBLIC_TARGET = "http://93.184.215.14/hook";

    /** An IPv4 address, or an IPv6 one written in full or shortened with "::" (times have at most 3 groups). */
    static final Pattern IP_ADDRESS =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|[0-9a-fA-F]*::");

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Api.User owner;
    Receiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(http);
        owner = api.register();
        receiver = Receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.server.stop(0);
    }

    @Test
    void an_endpoint_that_fails_twice_then_succeeds_gets_the_event_signed_with_one_webhook_id() throws Exception {
        GalleryView gallery = api.createGallery(owner, "Hooked", Visibility.PUBLIC);
        WebhookView hook =
                register(Api.admin(), receiver.url(), List.of("dev.vitrine.gallery.updated.v1"), gallery.id(), true);
        assertThat(hook.secret()).startsWith("whsec_");
        receiver.failFirst.set(2);
        api.patchGallery(owner, gallery.id(), Map.of("name", "Hooked and renamed"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 3);
        List<Receiver.Request> attempts = List.copyOf(receiver.received);
        assertThat(attempts)
                .extracting(r -> r.headers.get("webhook-id"))
                .containsOnly(attempts.getFirst().headers.get("webhook-id"));
        for (Receiver.Request attempt : attempts) {
            assertThat(attempt.headers.get("webhook-signature"))
                    .isEqualTo(sign(
                            hook.secret(),
                            attempt.headers.get("webhook-id"),
                            attempt.headers.get("webhook-timestamp"),
                            attempt.body));
        }
        JsonNode event = new ObjectMapper().readTree(attempts.getLast().body);
        assertThat(event.path("id").asText())
                .isEqualTo(attempts.getFirst().headers.get("webhook-id"));
        assertThat(event.path("type").asText()).isEqualTo("dev.vitrine.gallery.updated.v1");
        assertThat(event.path("data").path("name").asText()).isEqualTo("Hooked and renamed");

        List<WebhookDeliveryView> log = deliveries(Api.admin(), hook);
        assertThat(log).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo("delivered");
            assertThat(delivery.log())
                    .extracting(WebhookDeliveryView.Attempt::status)
                    .containsExactly(500, 500, 200);
        });

        http.post()
                .uri("/api/webhooks/" + hook.id() + "/deliveries/"
                        + log.getFirst().id() + "/redeliver")
                .headers(Api.admin()::sign)
                .exchange()
                .expectStatus()
                .isAccepted();
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.size() == 4);
        assertThat(receiver.received.get(3).headers.get("webhook-id"))
                .isEqualTo(attempts.getFirst().headers.get("webhook-id"));
    }

    @Test
    void an_endpoint_that_answers_gone_is_disabled() {
        GalleryView gallery = api.createGallery(owner, "Gone", Visibility.PUBLIC);
        WebhookView hook = register(Api.admin(), receiver.url(), List.of(), gallery.id(), true);
        receiver.status.set(410);
        api.patchGallery(owner, gallery.id(), Map.of("name", "Gone for good"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(http.get()
                                .uri("/api/webhooks/" + hook.id())
                                .headers(Api.admin()::sign)
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody(WebhookView.class)
                                .returnResult()
                                .getResponseBody()
                                .status())
                        .isEqualTo("disabled"));
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void an_endpoint_never_receives_events_its_owner_may_not_see() {
        Api.User stranger = api.register();
        GalleryView hidden = api.createGallery(owner, "Hidden", Visibility.PRIVATE);
        GalleryView open = api.createGallery(owner, "Open", Visibility.PUBLIC);
        // what matters is what was meant for each endpoint, not that it arrives: see unsent()
        WebhookView everything = unsent(register(stranger, PUBLIC_TARGET, List.of(), null, false));
        WebhookView aimedAtHidden = unsent(register(stranger, PUBLIC_TARGET, List.of(), hidden.id(), false));
        api.patchGallery(owner, hidden.id(), Map.of("name", "Hidden still"));
        api.patchGallery(owner, open.id(), Map.of("name", "Open still"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> deliveries(stranger, everything).stream()
                        .anyMatch(delivery -> delivery.galleryId().equals(open.id())));
        assertThat(deliveries(stranger, everything))
                .noneMatch(delivery -> delivery.galleryId().equals(hidden.id()));
        assertThat(deliveries(stranger, aimedAtHidden)).isEmpty();
        WebhookView owners = unsent(register(owner, PUBLIC_TARGET, List.of(), hidden.id(), false));
        api.patchGallery(owner, hidden.id(), Map.of("name", "Hidden, seen by its owner's endpoint"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !deliveries(owner, owners).isEmpty());
    }

    @Test
    void only_an_administrator_may_send_events_to_this_machine_or_a_private_network() {
        var body = Map.of("url", receiver.url());
        expectProblem(
                http.post()
                        .uri("/api/webhooks")
                        .headers(owner::sign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "refused_target",
                "url");
        expectProblem(
                http.post()
                        .uri("/api/webhooks")
                        .headers(owner::sign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("url", receiver.url(), "allowPrivateNetwork", true))
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden",
                "allowPrivateNetwork");
        expectProblem(
                http.post()
                        .uri("/api/webhooks")
                        .headers(owner::sign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("url", PUBLIC_TARGET, "types", List.of("dev.vitrine.everything.v9")))
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "invalid_field",
                "types");
        expectProblem(
                http.post()
                        .uri("/api/webhooks")
                        .headers(owner::sign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("url", "gopher://example.com/"))
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "invalid_field",
                "url");
    }

    @Test
    void the_loopback_and_link_local_targets_of_the_issue_are_refused_in_their_ipv6_notations() {
        for (String url : List.of("http://[::127.0.0.1]:8080/x", "http://[64:ff9b::a9fe:a9fe]/")) {
            expectProblem(
                    http.post()
                            .uri("/api/webhooks")
                            .headers(owner::sign)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("url", url))
                            .exchange(),
                    HttpStatus.BAD_REQUEST,
                    "refused_target",
                    "url");
        }
    }

    @Test
    void a_refusal_does_not_say_where_a_name_points() {
        String message = http.post()
                .uri("/api/webhooks")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "url",
                        "http://localhost:" + receiver.server.getAddress().getPort() + "/hook"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("message")
                .asText();
        assertThat(message).isNotBlank().doesNotContainPattern(IP_ADDRESS);
    }

    @Test
    void a_target_that_became_internal_after_registration_is_refused_at_delivery_without_naming_its_address() {
        GalleryView gallery = api.createGallery(owner, "Rebound", Visibility.PUBLIC);
        WebhookView hook = register(Api.admin(), receiver.url(), List.of(), gallery.id(), true);
        // what a name that resolves to this machine by now amounts to: a target no longer allowed (that the check's
        // answer is the one connected to, whatever DNS says later, is event-log's PinnedDeliveryTest)
        jdbc.update("UPDATE webhook SET private_network_allowed = false WHERE id = ?", hook.id());
        api.patchGallery(owner, gallery.id(), Map.of("name", "Rebound, renamed"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> deliveries(Api.admin(), hook).stream()
                        .anyMatch(d -> !d.log().isEmpty()));
        WebhookDeliveryView delivery = deliveries(Api.admin(), hook).getFirst();
        assertThat(delivery.status()).isEqualTo("failed");
        assertThat(delivery.log()).singleElement().satisfies(attempt -> {
            assertThat(attempt.error()).isEqualTo("the target is not allowed");
            assertThat(attempt.status()).isNull();
        });
        assertThat(deliveryLogText(Api.admin(), hook)).doesNotContainPattern(IP_ADDRESS);
        assertThat(receiver.received).isEmpty();
    }

    @Test
    void delivery_errors_shown_to_the_owner_name_no_address_and_no_port() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        GalleryView gallery = api.createGallery(owner, "Nobody home", Visibility.PUBLIC);
        WebhookView hook = register(Api.admin(), "http://127.0.0.1:" + closed + "/hook", List.of(), gallery.id(), true);
        api.patchGallery(owner, gallery.id(), Map.of("name", "Nobody home, still"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> deliveries(Api.admin(), hook).stream()
                        .anyMatch(d -> !d.log().isEmpty()));
        assertThat(deliveries(Api.admin(), hook).getFirst().log().getFirst().error())
                .isEqualTo("could not connect");
        assertThat(deliveryLogText(Api.admin(), hook))
                .doesNotContainPattern(IP_ADDRESS)
                .doesNotContain(Integer.toString(closed))
                .doesNotContain("Exception");
    }

    @Test
    void an_endpoint_stops_getting_what_its_owner_may_no_longer_see_even_an_event_already_on_its_way()
            throws Exception {
        Api.User auditor = api.registerAuditor();
        GalleryView hidden = api.createGallery(owner, "Audited", Visibility.PRIVATE);
        WebhookView hook = register(Api.admin(), receiver.url(), List.of(), hidden.id(), true);
        // only an administrator may register a target on this machine: the endpoint is handed to the auditor
        jdbc.update("UPDATE webhook SET owner_id = ? WHERE id = ?", auditor.id(), hook.id());
        CountDownLatch answer = new CountDownLatch(1);
        receiver.hold.set(answer);
        receiver.failFirst.set(1);
        api.patchGallery(owner, hidden.id(), Map.of("name", "Audited, renamed"));

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.size() == 1);
        http.delete()
                .uri("/api/admin/accounts/" + auditor.username() + "/roles/auditor")
                .headers(Api.admin()::sign)
                .exchange()
                .expectStatus()
                .isOk();
        answer.countDown();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> deliveries(auditor, hook).getFirst().status().equals("failed"));
        assertThat(deliveries(auditor, hook).getFirst().log())
                .extracting(WebhookDeliveryView.Attempt::status, WebhookDeliveryView.Attempt::error)
                .containsExactly(
                        tuple(500, "answered 500"), tuple(null, "the endpoint's owner may no longer see the event"));
        int logged = loggedOf(hidden);
        api.patchGallery(owner, hidden.id(), Map.of("name", "Audited no more"));
        // an event's deliveries are written in the transaction that logs it: once it is logged, none is still to come
        await().atMost(Duration.ofSeconds(20)).until(() -> loggedOf(hidden) > logged);
        assertThat(deliveries(auditor, hook))
                .as("nothing new for a former auditor")
                .hasSize(1);
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void the_endpoints_of_a_deleted_account_get_nothing_more() {
        Api.User leaving = api.register();
        GalleryView open = api.createGallery(owner, "Still open", Visibility.PUBLIC);
        WebhookView theirs = unsent(register(leaving, PUBLIC_TARGET, List.of(), open.id(), false));
        WebhookView owners = unsent(register(owner, PUBLIC_TARGET, List.of(), open.id(), false));
        http.delete()
                .uri("/api/me")
                .headers(leaving::sign)
                .exchange()
                .expectStatus()
                .isNoContent();
        api.patchGallery(owner, open.id(), Map.of("name", "Still open, renamed"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !deliveries(owner, owners).isEmpty());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM webhook_delivery WHERE webhook_id = ?", Integer.class, theirs.id()))
                .isZero();
    }

    @Test
    void endpoints_that_cannot_work_are_disabled_with_a_reason_and_hold_up_no_other_endpoint() {
        Api.User other = api.register();
        // the owner's endpoints, each poisoned its own way after registration (what the API now refuses)
        WebhookView literal =
                stored(register(owner, PUBLIC_TARGET, List.of(), null, false), "http://[::127.0.0.1]:8099/x");
        WebhookView unparseable =
                stored(register(owner, PUBLIC_TARGET, List.of(), null, false), "http://exa mple.com/");
        WebhookView unsignable = unsent(register(owner, PUBLIC_TARGET, List.of(), null, false));
        jdbc.update("UPDATE webhook SET secret = 'whsec_not base64!' WHERE id = ?", unsignable.id());
        // the other user's endpoint on this machine: only an administrator may register it, then it is handed over
        WebhookView working = register(Api.admin(), receiver.url(), List.of(), null, true);
        jdbc.update("UPDATE webhook SET owner_id = ? WHERE id = ?", other.id(), working.id());

        GalleryView gallery = api.createGallery(other, "Shared pipeline", Visibility.PUBLIC);
        for (int i = 1; i <= 5; i++) {
            api.patchGallery(other, gallery.id(), Map.of("name", "Shared pipeline " + i));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> logged = jdbc.queryForList(
                    "SELECT event_id::text FROM event_log WHERE gallery_id = ? AND public_type IS NOT NULL"
                            + " ORDER BY position",
                    String.class,
                    gallery.id());
            assertThat(logged).as("created, renamed five times").hasSize(6);
            assertThat(idsReceivedOf(gallery))
                    .as("the other endpoint receives every event of the gallery, in order")
                    .containsExactlyElementsOf(logged);
        });

        for (var broken : List.of(
                Map.entry(literal, "the target is not allowed"),
                Map.entry(unparseable, "the endpoint's URL is not valid"))) {
            WebhookView hook = broken.getKey();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> webhook(owner, hook).status().equals("disabled"));
            assertThat(webhook(owner, hook).disabledReason()).isNotBlank().doesNotContainPattern(IP_ADDRESS);
            List<WebhookDeliveryView> log = deliveries(owner, hook);
            assertThat(log).filteredOn(d -> !d.log().isEmpty()).singleElement().satisfies(delivery -> {
                assertThat(delivery.status()).isEqualTo("failed");
                assertThat(delivery.log())
                        .extracting(WebhookDeliveryView.Attempt::error)
                        .containsExactly(broken.getValue());
            });
            assertThat(log)
                    .as("what came after waits for the endpoint to be enabled again")
                    .filteredOn(d -> d.log().isEmpty())
                    .allSatisfy(d -> assertThat(d.status()).isEqualTo("pending"));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveries(owner, unsignable).stream()
                        .filter(d -> d.galleryId().equals(gallery.id()))
                        .anyMatch(d -> d.log().size() == 4));
        assertThat(deliveries(owner, unsignable))
                .flatMap(WebhookDeliveryView::log)
                .extracting(WebhookDeliveryView.Attempt::error)
                .containsOnly("Vitrine could not send the delivery");
    }

    @Test
    void an_endpoint_that_never_answers_holds_up_no_other_endpoint() throws Exception {
        Api.User other = api.register();
        GalleryView gallery = api.createGallery(other, "Next to a silent one", Visibility.PUBLIC);
        // accepts connections (the kernel does, from its backlog) and never answers: every attempt runs to the timeout
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            WebhookView hanging = register(
                    Api.admin(), "http://127.0.0.1:" + silent.getLocalPort() + "/hook", List.of(), gallery.id(), true);
            jdbc.update("UPDATE webhook SET owner_id = ? WHERE id = ?", owner.id(), hanging.id());
            WebhookView working = register(Api.admin(), receiver.url(), List.of(), gallery.id(), true);
            jdbc.update("UPDATE webhook SET owner_id = ? WHERE id = ?", other.id(), working.id());
            for (int i = 1; i <= 3; i++) {
                api.patchGallery(other, gallery.id(), Map.of("name", "Next to a silent one " + i));
                int expected = i;
                await().atMost(Duration.ofSeconds(4))
                        .alias("event " + i
                                + " reaches the other endpoint within seconds, not after the silent one's timeout")
                        .until(() -> idsReceivedOf(gallery).size() == expected);
            }
        }
    }

    private List<String> idsReceivedOf(GalleryView gallery) throws Exception {
        List<String> ids = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Receiver.Request request : List.copyOf(receiver.received)) {
            JsonNode event = json.readTree(request.body);
            if (event.path("partitionkey").asText().equals(gallery.id().toString())) {
                ids.add(event.path("id").asText());
            }
        }
        return ids;
    }

    private int loggedOf(GalleryView gallery) {
        return jdbc.queryForObject("SELECT count(*) FROM event_log WHERE gallery_id = ?", Integer.class, gallery.id());
    }

    private WebhookView webhook(Api.User who, WebhookView hook) {
        return http.get()
                .uri("/api/webhooks/" + hook.id())
                .headers(who::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(WebhookView.class)
                .returnResult()
                .getResponseBody();
    }

    /** Stores a URL the API refuses into a registered endpoint, as one registered before the check was stricter. */
    private WebhookView stored(WebhookView hook, String url) {
        jdbc.update("UPDATE webhook SET url = ? WHERE id = ?", url, hook.id());
        return hook;
    }

    /**
     * Points a registered endpoint at a documentation address (192.0.2.0/24, routed nowhere), which the delivery
     * refuses: its first delivery is recorded (and fails), and nothing leaves this machine. The refusal disables the
     * endpoint, so what is logged after that first delivery is not recorded for it.
     */
    private WebhookView unsent(WebhookView hook) {
        jdbc.update("UPDATE webhook SET url = 'http://192.0.2.10/hook' WHERE id = ?", hook.id());
        return hook;
    }

    private WebhookView register(Api.User who, String url, List<String> types, UUID galleryId, boolean privateNetwork) {
        Map<String, Object> body = new HashMap<>(Map.of("url", url, "types", types));
        if (galleryId != null) {
            body.put("galleryId", galleryId.toString());
        }
        if (privateNetwork) {
            body.put("allowPrivateNetwork", true);
        }
        return http.post()
                .uri("/api/webhooks")
                .headers(who::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(WebhookView.class)
                .returnResult()
                .getResponseBody();
    }

    private List<WebhookDeliveryView> deliveries(Api.User who, WebhookView hook) {
        return http.get()
                .uri("/api/webhooks/" + hook.id() + "/deliveries")
                .headers(who::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(DELIVERIES)
                .returnResult()
                .getResponseBody();
    }

    /** The delivery log as its owner reads it, every field. */
    private String deliveryLogText(Api.User who, WebhookView hook) {
        return http.get()
                .uri("/api/webhooks/" + hook.id() + "/deliveries")
                .headers(who::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** What the Standard Webhooks reference verifiers compute. */
    static String sign(String secret, String id, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    /** An endpoint on this machine that answers 500 to its first attempts when told to, then its status. */
    static final class Receiver {
        record Request(Map<String, String> headers, byte[] body) {}

        final HttpServer server;
        final List<Request> received = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failFirst = new AtomicInteger();
        final AtomicInteger status = new AtomicInteger(200);
        /** When set, the next request waits for it before it is answered. */
        final AtomicReference<CountDownLatch> hold = new AtomicReference<>();

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start() throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Receiver receiver = new Receiver(server);
            server.createContext("/hook", exchange -> {
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders()
                        .forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
                receiver.received.add(
                        new Request(headers, exchange.getRequestBody().readAllBytes()));
                CountDownLatch hold = receiver.hold.getAndSet(null);
                if (hold != null) {
                    try {
                        hold.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int answer = receiver.failFirst.getAndDecrement() > 0 ? 500 : receiver.status.get();
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }
    }
}
