package dev.vitrine.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.sun.net.httpserver.HttpServer;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.webhook.WebhookDeliveryView;
import dev.vitrine.api.webhook.WebhookView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.TestQueues;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Who receives which events. An image is news for everyone only from its publication on: what came before (the
 * upload with its file name, a rejection) stays its owner's. A gallery that stops being public is no longer
 * replayed to those who may not see it now, while the news that it stopped stays public (a CDN must purge). On the
 * event stream, the AMQP exchanges and webhooks alike.
 */
@VitrineIntegrationTest
class EventAudiencesIT {

    static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {};
    static final ParameterizedTypeReference<List<WebhookDeliveryView>> DELIVERIES =
            new ParameterizedTypeReference<>() {};
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(30);

    static final String CREATED = "dev.vitrine.gallery.created.v1";
    static final String UPDATED = "dev.vitrine.gallery.updated.v1";
    static final String VISIBILITY_CHANGED = "dev.vitrine.gallery.visibility-changed.v1";
    static final String DELETED = "dev.vitrine.gallery.deleted.v1";
    static final String UPLOAD_REQUESTED = "dev.vitrine.image.upload-requested.v1";
    static final String PUBLISHED = "dev.vitrine.image.published.v1";
    static final String VARIANT = "dev.vitrine.image.variant-generated.v1";
    static final String REJECTED = "dev.vitrine.image.rejected.v1";

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Api api;
    Api.User owner;
    Api.User stranger;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
        stranger = api.register();
    }

    @Test
    void the_stream_shows_others_an_image_from_its_publication_on_and_nothing_of_its_upload() {
        GalleryView gallery = api.createGallery(owner, "Before and after", Visibility.PUBLIC);
        PresignedUpload abandoned = api.requestUpload(owner, gallery.id(), "Landscape_1.jpg", "image/jpeg");
        ImageView shown = api.upload(owner, gallery.id(), "Landscape_2.jpg");
        ImageView refused = api.upload(owner, gallery.id(), "corrupt-header.jpg");
        api.awaitImage(owner, gallery.id(), shown.id(), image -> image.status() == ImageStatus.PUBLISHED);
        api.awaitImage(owner, gallery.id(), refused.id(), image -> image.status() == ImageStatus.REJECTED);
        // logged after everything above: a reader that got this far has been offered all of it
        api.patchGallery(owner, gallery.id(), Map.of("name", "Logged up to here"));
        String uri = "/api/events/stream?after=0&galleryId=" + gallery.id();

        List<JsonNode> owners = upTo(uri, owner, "Logged up to here");
        assertThat(owners)
                .filteredOn(event -> event.path("type").asText().equals(UPLOAD_REQUESTED))
                .extracting(event -> event.path("data").path("filename").asText())
                .containsExactlyInAnyOrder("Landscape_1.jpg", "Landscape_2.jpg", "corrupt-header.jpg");
        assertThat(owners).anyMatch(event -> is(event, REJECTED, refused.id()));

        for (Api.User other : new Api.User[] {null, stranger}) {
            List<JsonNode> events = upTo(uri, other, "Logged up to here");
            assertThat(events).as("what others see").anyMatch(event -> is(event, PUBLISHED, shown.id()));
            assertThat(events)
                    .as("nothing of an image before its publication")
                    .noneMatch(event -> event.path("type").asText().equals(UPLOAD_REQUESTED))
                    .noneMatch(event -> event.toString().contains("Landscape_")
                            || event.toString().contains("corrupt-header"))
                    .noneMatch(event ->
                            event.toString().contains(abandoned.uploadId().toString()))
                    .noneMatch(event -> event.toString().contains(refused.id().toString()));
            // the WebP set is made before the publication that says it exists; AVIF variants follow it
            assertThat(events)
                    .filteredOn(event -> event.path("type").asText().equals(VARIANT))
                    .allMatch(
                            event -> event.path("data").path("format").asText().equals("avif"));
        }
    }

    @Test
    void a_gallery_made_private_is_no_longer_replayed_to_others_but_the_news_that_it_stopped_being_public_is() {
        Api.User auditor = api.registerAuditor();
        GalleryView gallery = api.createGallery(owner, "Public for a while", Visibility.PUBLIC);
        api.patchGallery(owner, gallery.id(), Map.of("name", "Public, renamed"));
        api.patchGallery(owner, gallery.id(), Map.of("visibility", "private"));
        GalleryView later = api.createGallery(owner, "Logged after it", Visibility.PUBLIC);

        for (Api.User other : new Api.User[] {null, stranger}) {
            List<JsonNode> ofTheGallery = upTo(
                            "/api/events/stream?after=0", other, later.id().toString())
                    .stream()
                    .filter(event -> event.path("partitionkey")
                            .asText()
                            .equals(gallery.id().toString()))
                    .toList();
            assertThat(ofTheGallery).singleElement().satisfies(event -> {
                assertThat(event.path("type").asText()).isEqualTo(VISIBILITY_CHANGED);
                assertThat(event.path("data").path("visibility").asText()).isEqualTo("private");
                assertThat(event.path("data").path("previousVisibility").asText())
                        .isEqualTo("public");
            });
        }
        for (Api.User insider : new Api.User[] {owner, auditor}) {
            assertThat(types(gallery, insider, 3)).containsExactly(CREATED, UPDATED, VISIBILITY_CHANGED);
        }
    }

    @Test
    void a_deleted_gallery_is_no_longer_replayed_to_others_but_its_deletion_is() {
        GalleryView gallery = api.createGallery(owner, "Deleted soon", Visibility.PUBLIC);
        api.patchGallery(owner, gallery.id(), Map.of("name", "Deleted soon, renamed"));
        http.delete()
                .uri("/api/galleries/" + gallery.id())
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isNoContent();
        GalleryView later = api.createGallery(owner, "Logged after it", Visibility.PUBLIC);

        for (Api.User other : new Api.User[] {null, stranger}) {
            assertThat(upTo("/api/events/stream?after=0", other, later.id().toString()).stream()
                            .filter(event -> event.path("partitionkey")
                                    .asText()
                                    .equals(gallery.id().toString()))
                            .map(event -> event.path("type").asText()))
                    .containsExactly(DELETED);
        }
        assertThat(types(gallery, owner, 3)).containsExactly(CREATED, UPDATED, DELETED);
    }

    @Test
    void a_gallery_public_again_shows_what_it_showed_before_and_never_what_happened_while_it_was_private() {
        GalleryView gallery = api.createGallery(owner, "Shown", Visibility.PUBLIC);
        api.patchGallery(owner, gallery.id(), Map.of("visibility", "private"));
        api.patchGallery(owner, gallery.id(), Map.of("name", "Never shown"));
        api.patchGallery(owner, gallery.id(), Map.of("visibility", "public"));
        api.patchGallery(owner, gallery.id(), Map.of("name", "Shown again"));

        List<JsonNode> events = upTo("/api/events/stream?after=0&galleryId=" + gallery.id(), null, "Shown again");
        assertThat(events)
                .extracting(event -> event.path("type").asText())
                .containsExactly(CREATED, VISIBILITY_CHANGED, VISIBILITY_CHANGED, UPDATED);
        assertThat(events).noneMatch(event -> event.toString().contains("Never shown"));
    }

    @Test
    void nothing_of_an_image_before_its_publication_goes_to_the_public_exchange() throws Exception {
        try (Connection connection = rabbit().newConnection();
                Channel channel = connection.createChannel()) {
            String everyones = boundQueue(channel, "vitrine.events");
            String restricted = boundQueue(channel, "vitrine.events.private");
            GalleryView gallery = api.createGallery(owner, "Fed", Visibility.PUBLIC);
            PresignedUpload abandoned = api.requestUpload(owner, gallery.id(), "Landscape_3.jpg", "image/jpeg");
            ImageView shown = api.upload(owner, gallery.id(), "Landscape_4.jpg");
            api.awaitImage(owner, gallery.id(), shown.id(), image -> image.status() == ImageStatus.PUBLISHED);

            List<JsonNode> open = new ArrayList<>();
            List<JsonNode> kept = new ArrayList<>();
            // the feed publishes in log order: by the publication, whatever came before it has been published
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                drain(channel, everyones, gallery.id(), open);
                assertThat(open).anyMatch(event -> is(event, PUBLISHED, shown.id()));
            });
            assertThat(open)
                    .as("the public exchange")
                    .noneMatch(event -> event.path("type").asText().equals(UPLOAD_REQUESTED))
                    .noneMatch(event ->
                            event.toString().contains(abandoned.uploadId().toString()));
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                drain(channel, restricted, gallery.id(), kept);
                assertThat(kept)
                        .filteredOn(event -> event.path("type").asText().equals(UPLOAD_REQUESTED))
                        .extracting(event -> event.path("data").path("filename").asText())
                        .containsExactlyInAnyOrder("Landscape_3.jpg", "Landscape_4.jpg");
            });
        }
    }

    @Test
    void a_webhook_of_someone_else_gets_an_image_from_its_publication_on_and_its_owners_gets_the_upload_too()
            throws Exception {
        GalleryView gallery = api.createGallery(owner, "Hooked", Visibility.PUBLIC);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
        receiver.createContext("/", exchange -> {
            received.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new CopyOnWriteArrayList<>())
                    .add(read(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            WebhookView others = endpointOf(stranger, receiver, "/stranger", gallery.id());
            WebhookView owners = endpointOf(owner, receiver, "/owner", gallery.id());
            api.requestUpload(owner, gallery.id(), "Landscape_5.jpg", "image/jpeg");
            ImageView shown = api.upload(owner, gallery.id(), "Landscape_6.jpg");
            api.awaitImage(owner, gallery.id(), shown.id(), image -> image.status() == ImageStatus.PUBLISHED);

            // one gallery's deliveries to one endpoint go in order: by the publication, what came before was sent
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(received.getOrDefault("/stranger", List.of()))
                            .anyMatch(event -> is(event, PUBLISHED, shown.id())));
            assertThat(received.get("/stranger"))
                    .as("what someone else's endpoint received")
                    .noneMatch(event -> event.path("type").asText().equals(UPLOAD_REQUESTED))
                    .noneMatch(event -> event.toString().contains("Landscape_"));
            assertThat(deliveries(others))
                    .extracting(WebhookDeliveryView::type)
                    .as("what was meant for it")
                    .doesNotContain(UPLOAD_REQUESTED);
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(received.getOrDefault("/owner", List.of()))
                            .filteredOn(event -> event.path("type").asText().equals(UPLOAD_REQUESTED))
                            .extracting(
                                    event -> event.path("data").path("filename").asText())
                            .containsExactlyInAnyOrder("Landscape_5.jpg", "Landscape_6.jpg"));
            assertThat(deliveries(owners)).extracting(WebhookDeliveryView::type).contains(UPLOAD_REQUESTED);
        } finally {
            receiver.stop(0);
        }
    }

    /** The events of {@code uri} the viewer (null: anonymous) receives, up to the first whose data has {@code marker}. */
    private List<JsonNode> upTo(String uri, Api.User viewer, String marker) {
        return stream(uri, viewer)
                .takeUntil(event -> event.data().contains(marker))
                .map(EventAudiencesIT::read)
                .collectList()
                .block(PATIENCE);
    }

    private List<String> types(GalleryView gallery, Api.User viewer, int count) {
        return stream("/api/events/stream?after=0&galleryId=" + gallery.id(), viewer)
                .take(count)
                .map(ServerSentEvent::event)
                .collectList()
                .block(PATIENCE);
    }

    private Flux<ServerSentEvent<String>> stream(String uri, Api.User viewer) {
        return WebClient.create("http://localhost:" + port)
                .get()
                .uri(uri)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (viewer != null) {
                        viewer.sign(headers);
                    }
                })
                .retrieve()
                .bodyToFlux(EVENTS)
                .filter(event -> event.id() != null);
    }

    private static boolean is(JsonNode event, String type, UUID imageId) {
        return event.path("type").asText().equals(type)
                && event.path("data").path("imageId").asText().equals(imageId.toString());
    }

    private static JsonNode read(ServerSentEvent<String> event) {
        return read(event.data().getBytes());
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A queue of this test's own, bound to every image event of {@code exchange} (the exchanges are shared). */
    private static String boundQueue(Channel channel, String exchange) throws IOException {
        channel.exchangeDeclare(exchange, "topic", true);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, "dev.vitrine.image.#");
        return queue;
    }

    /** Whatever {@code queue} holds of the gallery (other test apps publish to the same exchanges). */
    private static void drain(Channel channel, String queue, UUID galleryId, List<JsonNode> into) throws IOException {
        for (GetResponse message; (message = channel.basicGet(queue, true)) != null; ) {
            JsonNode event = read(message.getBody());
            if (event.path("partitionkey").asText().equals(galleryId.toString())) {
                into.add(event);
            }
        }
    }

    private static ConnectionFactory rabbit() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(TestQueues.HOST);
        return factory;
    }

    /**
     * An endpoint of {@code who} on this machine. Only an administrator may register a target on
     * this machine, and theirs see every gallery: the endpoint is then handed to {@code who}, as if theirs.
     */
    private WebhookView endpointOf(Api.User who, HttpServer receiver, String path, UUID galleryId) {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
        WebhookView hook = http.post()
                .uri("/api/webhooks")
                .headers(Api.admin()::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url, "galleryId", galleryId.toString(), "allowPrivateNetwork", true))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(WebhookView.class)
                .returnResult()
                .getResponseBody();
        jdbc.update("UPDATE webhook SET owner_id = ? WHERE id = ?", who.id(), hook.id());
        return hook;
    }

    private List<WebhookDeliveryView> deliveries(WebhookView hook) {
        return http.get()
                .uri("/api/webhooks/" + hook.id() + "/deliveries")
                .headers(Api.admin()::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(DELIVERIES)
                .returnResult()
                .getResponseBody();
    }
}
