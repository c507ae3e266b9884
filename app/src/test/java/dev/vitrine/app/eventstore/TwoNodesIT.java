package dev.vitrine.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryDetailsChanged;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.AppNode;
import dev.vitrine.app.support.BrowserSession;
import dev.vitrine.app.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two Vitrine nodes on one PostgreSQL, both changing the same gallery at once: every change they acknowledged is
 * an event, no event is lost or duplicated, sequence numbers have no gap, and a lost race is retried or
 * answered 409 — never a 5xx.
 */
class TwoNodesIT {

    static final int CHANGES = 60;

    @Test
    void a_browser_signed_in_on_one_node_is_signed_in_on_the_other_and_signing_out_there_ends_it() {
        String database = TestDatabases.create();
        try (AppNode a = AppNode.start("node-a", database);
                AppNode b = AppNode.start("node-b", database)) {
            Api.User user = a.api().register();
            BrowserSession onA = BrowserSession.signIn(a.http(), user.username(), user.password());
            BrowserSession onB = new BrowserSession(b.http(), onA.cookie());
            assertThat(onB.get("/api/me")).isEqualTo(200);
            onB.write(HttpMethod.DELETE, "/api/session", null).expectStatus().isNoContent();
            assertThat(onA.get("/api/me")).isEqualTo(401);
        }
    }

    @Test
    void concurrent_commands_for_one_gallery_on_two_nodes_lose_and_corrupt_nothing() throws Exception {
        String database = TestDatabases.create();
        try (AppNode a = AppNode.start("node-a", database);
                AppNode b = AppNode.start("node-b", database)) {
            Api.User owner = a.api().register();
            GalleryView gallery = a.api().createGallery(owner, "Contended", Visibility.PUBLIC);
            List<WebTestClient> nodes = List.of(a.http(), b.http());

            Map<String, HttpStatus> outcomes = new ConcurrentHashMap<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < CHANGES; i++) {
                    String name = "Name " + i;
                    WebTestClient node = nodes.get(i % 2);
                    sent.add(clients.submit(() -> outcomes.put(name, rename(node, owner, gallery, name))));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            }

            assertThat(Set.copyOf(outcomes.values())).isSubsetOf(HttpStatus.OK, HttpStatus.CONFLICT);
            List<String> acknowledged = outcomes.entrySet().stream()
                    .filter(e -> e.getValue() == HttpStatus.OK)
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(acknowledged).hasSizeGreaterThan(CHANGES / 2);

            JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
            ObjectMapper json = a.bean(ObjectMapper.class);
            List<Long> sequence =
                    jdbc.queryForList("""
                    SELECT sequenceNumber FROM domainevententry WHERE aggregateIdentifier = ?
                    ORDER BY sequenceNumber""", Long.class, gallery.id().toString());
            assertThat(sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, acknowledged.size())
                            .boxed()
                            .toList());

            List<String> recordedNames = jdbc
                    .queryForList("""
                            SELECT convert_from(payload, 'UTF8') FROM domainevententry
                            WHERE aggregateIdentifier = ? AND payloadType = ? ORDER BY sequenceNumber""", String.class, gallery.id().toString(), GalleryDetailsChanged.class.getName())
                    .stream()
                    .map(payload -> read(json, payload).name())
                    .toList();
            assertThat(recordedNames).containsExactlyInAnyOrderElementsOf(acknowledged);

            String last = recordedNames.getLast();
            for (AppNode node : List.of(a, b)) {
                assertThat(node.api().gallery(null, gallery.id()).name()).isEqualTo(last);
            }
        }
    }

    private static HttpStatus rename(WebTestClient node, Api.User owner, GalleryView gallery, String name) {
        return HttpStatus.valueOf(node.patch()
                .uri("/api/galleries/" + gallery.id())
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value());
    }

    private static GalleryDetailsChanged read(ObjectMapper json, String payload) {
        try {
            return json.readValue(payload, GalleryDetailsChanged.class);
        } catch (Exception e) {
            throw new AssertionError("corrupt event payload: " + payload, e);
        }
    }
}
