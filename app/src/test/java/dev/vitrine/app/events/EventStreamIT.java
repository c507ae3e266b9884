package dev.vitrine.app.events;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The resumable event stream: no gap after a reconnect, and private galleries' events only for their owners. */
@VitrineIntegrationTest
class EventStreamIT {

    static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {};
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    Api api;
    Api.User owner;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
    }

    @Test
    void a_client_that_reconnects_with_its_last_event_id_misses_nothing_and_gets_nothing_twice() {
        GalleryView gallery = api.createGallery(owner, "Streamed", Visibility.PUBLIC);
        renames(gallery, 1, 6);
        String query = "/api/events/stream?galleryId=" + gallery.id();

        List<ServerSentEvent<String>> before =
                stream(query + "&after=0", null, null).take(4).collectList().block(Duration.ofSeconds(20));
        renames(gallery, 7, 12);
        String lastSeen = before.getLast().id();
        List<ServerSentEvent<String>> after =
                stream(query, lastSeen, null).take(13 - 4).collectList().block(Duration.ofSeconds(20));

        List<ServerSentEvent<String>> seen = new ArrayList<>(before);
        seen.addAll(after);
        List<ServerSentEvent<String>> everything =
                stream(query + "&after=0", null, null).take(13).collectList().block(Duration.ofSeconds(20));
        assertThat(seen)
                .extracting(ServerSentEvent::id)
                .containsExactlyElementsOf(
                        everything.stream().map(ServerSentEvent::id).toList());
        assertThat(seen)
                .extracting(event -> Long.parseLong(event.id()))
                .isSorted()
                .doesNotHaveDuplicates();
        JsonNode last = read(seen.getLast());
        assertThat(last.path("type").asText()).isEqualTo("dev.vitrine.gallery.updated.v1");
        assertThat(last.path("data").path("name").asText()).isEqualTo("Streamed 12");
        assertThat(last.path("sequence").asText())
                .hasSize(19)
                .endsWith(seen.getLast().id());
        assertThat(seen.getFirst().event()).isEqualTo("dev.vitrine.gallery.created.v1");
    }

    @Test
    void a_client_that_gives_no_position_gets_the_events_from_the_moment_it_is_live() {
        GalleryView gallery = api.createGallery(owner, "Streamed", Visibility.PUBLIC);
        renames(gallery, 1, 2);
        AtomicBoolean live = new AtomicBoolean();

        List<String> names = opened("/api/events/stream?galleryId=" + gallery.id(), null, null)
                .doOnNext(event -> {
                    // the stream says first from where it goes on; the writes come after that
                    if (event.id() == null && event.comment() != null && live.compareAndSet(false, true)) {
                        Schedulers.boundedElastic().schedule(() -> renames(gallery, 3, 4));
                    }
                })
                .filter(event -> event.id() != null)
                .take(2)
                .map(event -> read(event).path("data").path("name").asText())
                .collectList()
                .block(Duration.ofSeconds(20));

        assertThat(names).containsExactly("Streamed 3", "Streamed 4");
    }

    @Test
    void a_private_gallerys_events_reach_its_owner_and_auditors_and_nobody_else() {
        Api.User stranger = api.register();
        Api.User auditor = api.registerAuditor();
        GalleryView hidden = api.createGallery(owner, "Hidden", Visibility.PRIVATE);
        GalleryView open = api.createGallery(owner, "Open", Visibility.PUBLIC);
        api.patchGallery(owner, hidden.id(), Map.of("name", "Hidden still"));
        api.patchGallery(owner, open.id(), Map.of("name", "Open still"));

        // the stranger's stream ends at the open gallery's last event: nothing of the hidden one came before it
        for (Api.User outsider : new Api.User[] {stranger, null}) {
            List<ServerSentEvent<String>> events = stream("/api/events/stream?after=0", null, outsider)
                    .takeUntil(event -> event.data() != null && event.data().contains("Open still"))
                    .collectList()
                    .block(Duration.ofSeconds(20));
            assertThat(events)
                    .isNotEmpty()
                    .noneMatch(event -> event.data().contains(hidden.id().toString()));
        }
        for (Api.User insider : new Api.User[] {owner, auditor}) {
            assertThat(stream("/api/events/stream?after=0&galleryId=" + hidden.id(), null, insider)
                            .take(2)
                            .map(this::read)
                            .map(event -> event.path("data").path("name").asText())
                            .collectList()
                            .block(Duration.ofSeconds(20)))
                    .containsExactly("Hidden", "Hidden still");
        }
    }

    @Test
    void a_stream_follows_its_readers_account_a_role_revoked_counts_at_once_and_a_deleted_account_ends_it() {
        Api.User auditor = api.registerAuditor();
        GalleryView hidden = api.createGallery(owner, "Watched", Visibility.PRIVATE);
        GalleryView open = api.createGallery(owner, "Watching", Visibility.PUBLIC);
        Set<String> ours = Set.of(hidden.id().toString(), open.id().toString());
        AtomicBoolean live = new AtomicBoolean();
        List<String> names = new CopyOnWriteArrayList<>();

        opened("/api/events/stream", null, auditor)
                .doOnNext(event -> {
                    if (event.id() == null && event.comment() != null && live.compareAndSet(false, true)) {
                        later(() -> api.patchGallery(owner, hidden.id(), Map.of("name", "Watched 1")));
                    }
                })
                .filter(event -> event.id() != null)
                .map(this::read)
                .filter(event ->
                        ours.contains(event.path("data").path("galleryId").asText()))
                .map(event -> event.path("data").path("name").asText())
                .doOnNext(name -> {
                    names.add(name);
                    if (name.equals("Watched 1")) {
                        later(() -> {
                            http.delete()
                                    .uri("/api/admin/accounts/" + auditor.username() + "/roles/auditor")
                                    .headers(Api.admin()::sign)
                                    .exchange()
                                    .expectStatus()
                                    .isOk();
                            api.patchGallery(owner, hidden.id(), Map.of("name", "Watched 2"));
                            api.patchGallery(owner, open.id(), Map.of("name", "Watching 3"));
                        });
                    } else if (name.equals("Watching 3")) {
                        later(() -> http.delete()
                                .uri("/api/me")
                                .headers(auditor::sign)
                                .exchange()
                                .expectStatus()
                                .isNoContent());
                    }
                })
                // ends by itself once the account is gone; a stream that went on would time out here
                .blockLast(Duration.ofSeconds(30));

        assertThat(names).containsExactly("Watched 1", "Watching 3");
    }

    @Test
    void a_stream_ends_when_its_readers_password_changes() {
        String newPassword = "changed-" + UUID.randomUUID();
        AtomicBoolean live = new AtomicBoolean();

        opened("/api/events/stream", null, owner)
                .doOnNext(event -> {
                    if (event.comment() != null && live.compareAndSet(false, true)) {
                        later(() -> http.put()
                                .uri("/api/me/password")
                                .headers(owner::sign)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("currentPassword", owner.password(), "newPassword", newPassword))
                                .exchange()
                                .expectStatus()
                                .isNoContent());
                    }
                })
                .blockLast(Duration.ofSeconds(30));

        assertThat(live).isTrue();
    }

    private static void later(Runnable action) {
        Schedulers.boundedElastic().schedule(action);
    }

    @Test
    void a_stream_asked_for_nonsense_is_refused_with_the_parameter_named() {
        expectProblem(
                http.get().uri("/api/events/stream?type=dev.vitrine.nothing.v1").exchange(),
                HttpStatus.BAD_REQUEST,
                "invalid_parameter",
                "type");
        expectProblem(
                http.get()
                        .uri("/api/events/stream")
                        .header("Last-Event-ID", "yesterday")
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "invalid_parameter",
                "Last-Event-ID");
    }

    @Test
    void the_asyncapi_document_describes_every_event_type_and_channel() {
        http.get()
                .uri("/api/asyncapi.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.asyncapi")
                .isEqualTo("3.0.0")
                .jsonPath("$.channels.publicEvents.address")
                .isEqualTo("vitrine.events")
                .jsonPath("$.channels.eventStream.address")
                .isEqualTo("/api/events/stream")
                .jsonPath("$.components.messages['dev.vitrine.image.published.v1'].payload.allOf")
                .isArray()
                .jsonPath("$.components.schemas.VariantGeneratedV1.properties.url")
                .exists()
                .jsonPath("$.components.schemas.GalleryCreatedV1.properties.visibility")
                .exists();
    }

    private void renames(GalleryView gallery, int from, int to) {
        for (int i = from; i <= to; i++) {
            api.patchGallery(owner, gallery.id(), Map.of("name", "Streamed " + i));
        }
    }

    private Flux<ServerSentEvent<String>> stream(String uri, String lastEventId, Api.User viewer) {
        return opened(uri, lastEventId, viewer).filter(event -> event.id() != null);
    }

    /** Everything the stream sends, comments too. */
    private Flux<ServerSentEvent<String>> opened(String uri, String lastEventId, Api.User viewer) {
        return WebClient.create("http://localhost:" + port)
                .get()
                .uri(uri)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                    if (viewer != null) {
                        viewer.sign(headers);
                    }
                })
                .retrieve()
                .bodyToFlux(EVENTS);
    }

    private JsonNode read(ServerSentEvent<String> event) {
        try {
            return JSON.readTree(event.data());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
