package dev.vitrine.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every stored event says who caused it, as part of which request, and from which message. */
@VitrineIntegrationTest
class EventLogIT {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    record StoredEvent(String type, String aggregateId, long sequence, String eventId, JsonNode metaData) {}

    @Test
    void every_stored_event_carries_actor_correlation_and_causation() throws Exception {
        Api api = new Api(http);
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Audited", Visibility.PUBLIC);
        api.upload(owner, gallery.id(), "Landscape_5.jpg");
        String correlationId = http.patch()
                .uri("/api/galleries/" + gallery.id())
                .headers(owner::sign)
                .header("X-Request-Id", "client-req-42")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Audited twice", "visibility", "unlisted"))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Correlation-Id");

        List<StoredEvent> events = storedEvents();
        assertThat(events).isNotEmpty();
        for (StoredEvent event : events) {
            assertThat(event.metaData().path("actorId").asText())
                    .as("actorId of %s", event)
                    .isNotBlank();
            assertThat(event.metaData().path("correlationId").asText())
                    .as("correlationId of %s", event)
                    .isNotBlank();
            assertThat(event.metaData().path("causationId").asText())
                    .as("causationId of %s", event)
                    .isNotBlank()
                    .isNotEqualTo(event.eventId());
        }

        // the processed upload may also change the cover, on its own correlation: the PATCH caused exactly these two
        List<StoredEvent> patched = events.stream()
                .filter(e ->
                        correlationId.equals(e.metaData().path("correlationId").asText()))
                .toList();
        assertThat(patched)
                .extracting(StoredEvent::type)
                .containsExactlyInAnyOrder(
                        "dev.vitrine.api.gallery.event.GalleryVisibilityChanged",
                        "dev.vitrine.api.gallery.event.GalleryDetailsChanged");
        assertThat(patched).allSatisfy(event -> {
            assertThat(event.aggregateId()).isEqualTo(gallery.id().toString());
            assertThat(event.metaData().path("actorId").asText())
                    .isEqualTo(owner.id().toString());
            assertThat(event.metaData().path("requestId").asText()).isEqualTo("client-req-42");
        });
        // one PATCH is one command (UpdateGallery): both events name it as their cause
        assertThat(patched)
                .extracting(e -> e.metaData().path("causationId").asText())
                .hasSize(2)
                .containsOnly(patched.getFirst().metaData().path("causationId").asText());
    }

    private List<StoredEvent> storedEvents() {
        return jdbc.query(
                """
                        SELECT payloadType, aggregateIdentifier, sequenceNumber, eventIdentifier,
                               convert_from(metaData, 'UTF8') AS meta
                        FROM domainevententry ORDER BY globalIndex""",
                (rs, row) -> new StoredEvent(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), readTree(rs.getString(5))));
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("metadata is not JSON: " + text, e);
        }
    }
}
