package dev.vitrine.app.audit;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.audit.GalleryAsOf;
import dev.vitrine.api.audit.HistoryEntry;
import dev.vitrine.api.audit.HistoryPage;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Auditors reconstruct what happened to a gallery from the event store: every event, in order, with who caused
 * it and as part of which request, and the gallery as it was at any instant — after it was deleted too.
 */
@VitrineIntegrationTest
class AuditIT {

    @Autowired
    WebTestClient http;

    Api api;
    Api.User owner;
    Api.User auditor;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
        auditor = api.registerAuditor();
    }

    @Test
    void a_gallerys_whole_life_is_in_its_history_in_order_and_attributed_and_can_be_replayed_at_any_instant() {
        GalleryView gallery = http.post()
                .uri("/api/galleries")
                .headers(owner::sign)
                .header("X-Request-Id", "req-create-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Trams", "visibility", "public"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(GalleryView.class)
                .returnResult()
                .getResponseBody();
        Instant created = pause();
        ImageView image = api.upload(owner, gallery.id(), "Landscape_3.jpg");
        api.awaitImage(owner, gallery.id(), image.id(), i -> i.variants().size() == 8);
        api.patchGallery(owner, gallery.id(), Map.of("name", "Trams of Lisbon"));
        Instant published = pause();
        api.patchGallery(owner, gallery.id(), Map.of("visibility", "private"));
        http.delete()
                .uri("/api/galleries/" + gallery.id())
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isNoContent();

        List<HistoryEntry> history = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> history(gallery.id()),
                        events -> events.stream().anyMatch(e -> e.type().equals("GalleryDeleted")));

        assertThat(history)
                .extracting(HistoryEntry::type)
                .containsSubsequence(
                        "GalleryCreated",
                        "UploadRequested",
                        "UploadConfirmed",
                        "ImageAnalyzed",
                        "VariantGenerated",
                        "ImagePublished",
                        "GalleryDetailsChanged",
                        "GalleryVisibilityChanged",
                        "GalleryDeleted");
        assertThat(history).extracting(HistoryEntry::position).isSorted().doesNotHaveDuplicates();
        assertThat(history).allSatisfy(event -> {
            assertThat(event.actorId()).as(event.type()).isNotBlank();
            assertThat(event.correlationId()).as(event.type()).isNotBlank();
            assertThat(event.causationId()).as(event.type()).isNotBlank();
            assertThat(event.hash()).as(event.type()).hasSize(64);
            assertThat(event.revision()).as(event.type()).isNotBlank();
        });
        assertThat(history)
                .filteredOn(e -> List.of(
                                "GalleryCreated",
                                "UploadRequested",
                                "UploadConfirmed",
                                "GalleryDetailsChanged",
                                "GalleryVisibilityChanged",
                                "GalleryDeleted")
                        .contains(e.type()))
                .extracting(HistoryEntry::actorId)
                .containsOnly(owner.id().toString());
        HistoryEntry creation = history.getFirst();
        assertThat(creation.requestId()).isEqualTo("req-create-1");
        assertThat(creation.aggregateId()).isEqualTo(gallery.id().toString());
        assertThat(creation.payload().toString()).contains("Trams");
        assertThat(history)
                .filteredOn(e -> e.type().equals("ImagePublished"))
                .singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo("system"));

        GalleryAsOf first = asOf(gallery.id(), created);
        assertThat(first.name()).isEqualTo("Trams");
        assertThat(first.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(first.images()).isEmpty();
        assertThat(first.deleted()).isFalse();

        GalleryAsOf second = asOf(gallery.id(), published);
        assertThat(second.name()).isEqualTo("Trams of Lisbon");
        assertThat(second.imageCount()).isEqualTo(1);
        assertThat(second.coverImageId()).isEqualTo(image.id());
        assertThat(second.images()).singleElement().satisfies(then -> {
            assertThat(then.status()).isEqualTo("published");
            assertThat(then.width()).isEqualTo(600);
            assertThat(then.variants()).hasSize(8).contains("large.webp 600x450", "thumbnail.avif 80x80");
        });

        GalleryAsOf last = asOf(gallery.id(), Instant.now());
        assertThat(last.deleted()).isTrue();
        assertThat(last.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(last.eventsApplied()).isEqualTo(history.size());

        expectProblem(
                http.get()
                        .uri("/api/audit/galleries/" + gallery.id() + "?asOf=2000-01-01T00:00:00Z")
                        .headers(auditor::sign)
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "gallery_not_found",
                "galleryId");
    }

    @Test
    void the_history_is_paged_and_only_for_auditors_and_administrators() {
        GalleryView gallery = api.createGallery(owner, "Paged", Visibility.PRIVATE);
        for (int i = 1; i <= 4; i++) {
            api.patchGallery(owner, gallery.id(), Map.of("name", "Paged " + i));
        }
        List<HistoryEntry> all =
                await().atMost(Duration.ofSeconds(20)).until(() -> history(gallery.id()), events -> events.size() == 5);
        HistoryPage first = page(gallery.id(), 0, 2, auditor);
        assertThat(first.events())
                .extracting(HistoryEntry::eventId)
                .containsExactly(all.get(0).eventId(), all.get(1).eventId());
        assertThat(first.hasMore()).isTrue();
        HistoryPage rest = page(gallery.id(), first.next(), 10, Api.admin());
        assertThat(rest.events()).hasSize(3);
        assertThat(rest.hasMore()).isFalse();

        expectProblem(
                http.get()
                        .uri("/api/audit/galleries/" + gallery.id() + "/history")
                        .headers(owner::sign)
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden",
                null);
        expectProblem(
                http.get()
                        .uri("/api/audit/galleries/" + gallery.id() + "/history")
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                null);
        expectProblem(
                http.get()
                        .uri("/api/audit/galleries/" + UUID.randomUUID() + "/history")
                        .headers(auditor::sign)
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "gallery_not_found",
                "galleryId");
    }

    @Test
    void taking_the_role_back_ends_an_auditors_access() {
        GalleryView gallery = api.createGallery(owner, "Watched", Visibility.PUBLIC);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !history(gallery.id()).isEmpty());
        http.delete()
                .uri("/api/admin/accounts/" + auditor.username() + "/roles/auditor")
                .headers(Api.admin()::sign)
                .exchange()
                .expectStatus()
                .isOk();
        expectProblem(
                http.get()
                        .uri("/api/audit/galleries/" + gallery.id() + "/history")
                        .headers(auditor::sign)
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden",
                null);
        expectProblem(
                http.put()
                        .uri("/api/admin/accounts/" + auditor.username() + "/roles/owner")
                        .headers(Api.admin()::sign)
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "invalid_parameter",
                "role");
    }

    private List<HistoryEntry> history(UUID galleryId) {
        List<HistoryEntry> events = new ArrayList<>();
        long after = 0;
        HistoryPage page;
        do {
            var answer = http.get()
                    .uri("/api/audit/galleries/" + galleryId + "/history?after=" + after + "&limit=7")
                    .headers(auditor::sign)
                    .exchange()
                    .returnResult(HistoryPage.class);
            if (answer.getStatus().value() == 404) {
                return List.of();
            }
            page = answer.getResponseBody().blockFirst();
            events.addAll(page.events());
            after = page.next() == null ? after : page.next();
        } while (page.hasMore());
        return events;
    }

    private HistoryPage page(UUID galleryId, long after, int limit, Api.User reader) {
        return http.get()
                .uri("/api/audit/galleries/" + galleryId + "/history?after=" + after + "&limit=" + limit)
                .headers(reader::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(HistoryPage.class)
                .returnResult()
                .getResponseBody();
    }

    private GalleryAsOf asOf(UUID galleryId, Instant at) {
        return http.get()
                .uri("/api/audit/galleries/" + galleryId + "?asOf=" + at)
                .headers(auditor::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(GalleryAsOf.class)
                .returnResult()
                .getResponseBody();
    }

    /** The instant between what came before and what comes after. */
    private static Instant pause() {
        try {
            Thread.sleep(30);
            Instant now = Instant.now();
            Thread.sleep(30);
            return now;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
