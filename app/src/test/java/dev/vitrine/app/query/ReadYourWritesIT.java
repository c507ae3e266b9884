package dev.vitrine.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A client that got 2xx from a write sees that write on its very next read. */
@VitrineIntegrationTest
class ReadYourWritesIT {

    @Autowired
    WebTestClient http;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void every_write_is_visible_to_the_next_read() {
        Api api = new Api(http);
        Api.User owner = api.register();
        for (int round = 0; round < 15; round++) {
            GalleryView gallery = api.createGallery(owner, "Round " + round, Visibility.PUBLIC);
            assertThat(api.gallery(null, gallery.id()).name()).isEqualTo("Round " + round);
            assertThat(api.galleries(owner, null, 5).galleries())
                    .first()
                    .extracting(GalleryView::id)
                    .isEqualTo(gallery.id());

            patch(owner, "/api/galleries/" + gallery.id(), Map.of("name", "Renamed " + round));
            assertThat(api.gallery(null, gallery.id()).name()).isEqualTo("Renamed " + round);

            ImageView image = api.upload(owner, gallery.id(), "Landscape_2.jpg");
            assertThat(api.images(owner, gallery.id(), 1, 10).images())
                    .extracting(ImageView::id)
                    .containsExactly(image.id());

            patch(owner, "/api/galleries/" + gallery.id() + "/images/" + image.id(), Map.of("alt", "Alt " + round));
            assertThat(api.get(owner, "/api/galleries/" + gallery.id() + "/images/" + image.id())
                            .expectStatus()
                            .isOk()
                            .expectBody(ImageView.class)
                            .returnResult()
                            .getResponseBody()
                            .alt())
                    .isEqualTo("Alt " + round);

            http.delete()
                    .uri("/api/galleries/" + gallery.id() + "/images/" + image.id())
                    .headers(owner::sign)
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            assertThat(api.images(owner, gallery.id(), 1, 10).images()).isEmpty();

            http.delete()
                    .uri("/api/galleries/" + gallery.id())
                    .headers(owner::sign)
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            api.get(owner, "/api/galleries/" + gallery.id()).expectStatus().isNotFound();
        }
    }

    @Test
    void a_write_answers_only_once_the_read_model_has_caught_up_with_it() throws Exception {
        Api api = new Api(http);
        Api.User owner = api.register();
        EventProcessor readModel = processing.eventProcessor("read-model").orElseThrow();
        readModel.shutDown();
        try {
            CompletableFuture<GalleryView> created = CompletableFuture.supplyAsync(
                    () -> api.createGallery(owner, "Waits for the projection", Visibility.PRIVATE));
            Thread.sleep(700);
            assertThat(created).isNotDone();

            readModel.start();
            GalleryView gallery = created.get(30, TimeUnit.SECONDS);
            assertThat(gallery.name()).isEqualTo("Waits for the projection");
            assertThat(api.gallery(owner, gallery.id()).id()).isEqualTo(gallery.id());
        } finally {
            if (!readModel.isRunning()) {
                readModel.start();
            }
        }
    }

    private void patch(Api.User user, String uri, Map<String, Object> body) {
        http.patch()
                .uri(uri)
                .headers(user::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
