package dev.vitrine.app.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.admin.ParkedEventView;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryDetailsChanged;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.event.ImageAnalyzed;
import dev.vitrine.api.metadata.EventMetadata;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.TestDatabaseInitializer;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An event the read model cannot apply is parked with the events of its gallery that follow it; the rest of the
 * read model moves on. An administrator sees why, drops the bad event and retries the others.
 */
@VitrineIntegrationTest
class DeadLettersIT {

    @Autowired
    WebTestClient http;

    @Autowired
    EventStore events;

    @Test
    void a_gallerys_events_wait_behind_one_that_cannot_be_applied_until_an_administrator_deals_with_it() {
        Api api = new Api(http);
        Api.User owner = api.register();
        Api.User admin =
                new Api.User(TestDatabaseInitializer.ADMIN_USERNAME, TestDatabaseInitializer.ADMIN_PASSWORD, null);
        GalleryView stuck = api.createGallery(owner, "Stuck", Visibility.PUBLIC);

        UUID unknownImage = UUID.randomUUID();
        String poison = publish(
                "Image",
                unknownImage.toString(),
                2,
                new ImageAnalyzed(unknownImage, stuck.id(), 1, 640, 480, 4.0 / 3, "LEHV6nWB2yk8pyo0adR*.7kCMdnj"));
        publish("Gallery", stuck.id().toString(), 1, new GalleryDetailsChanged(stuck.id(), "Renamed behind it", null));
        GalleryView unaffected = api.createGallery(owner, "Moves on", Visibility.PUBLIC);
        assertThat(api.gallery(null, unaffected.id()).name()).isEqualTo("Moves on");

        List<ParkedEventView> parked =
                await().atMost(Duration.ofSeconds(10)).until(() -> parked(admin, stuck.id()), list -> list.size() == 2);
        assertThat(parked.getFirst().eventId()).isEqualTo(poison);
        assertThat(parked.getFirst().causeMessage()).contains("no image " + unknownImage);
        assertThat(parked.get(1).eventType()).endsWith("GalleryDetailsChanged");
        assertThat(api.gallery(null, stuck.id()).name()).isEqualTo("Stuck");
        assertThat(api.get(admin, "/actuator/projections")
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("\"parkedSequences\":1");
        api.get(owner, "/api/admin/read-model/dead-letters").expectStatus().isForbidden();

        assertThat(retry(admin)).containsEntry("retriedSequences", 0);
        http.delete()
                .uri("/api/admin/read-model/dead-letters/" + stuck.id() + "/" + poison)
                .headers(admin::sign)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(retry(admin)).containsEntry("retriedSequences", 1).containsEntry("stillParkedSequences", 0);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(api.gallery(null, stuck.id()).name()).isEqualTo("Renamed behind it"));
        assertThat(parked(admin, stuck.id())).isEmpty();
    }

    private String publish(String type, String aggregateId, long sequence, Object payload) {
        String id = UUID.randomUUID().toString();
        events.publish(new GenericDomainEventMessage<>(
                type,
                aggregateId,
                sequence,
                payload,
                MetaData.with(EventMetadata.ACTOR_ID, EventMetadata.SYSTEM_ACTOR),
                id,
                Instant.now()));
        return id;
    }

    private List<ParkedEventView> parked(Api.User admin, UUID gallery) {
        return http
                .get()
                .uri("/api/admin/read-model/dead-letters")
                .headers(admin::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<ParkedEventView>>() {})
                .returnResult()
                .getResponseBody()
                .stream()
                .filter(letter -> letter.sequence().equals(gallery.toString()))
                .toList();
    }

    private Map<String, Object> retry(Api.User admin) {
        return http.post()
                .uri("/api/admin/read-model/dead-letters/retry")
                .headers(admin::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }
}
