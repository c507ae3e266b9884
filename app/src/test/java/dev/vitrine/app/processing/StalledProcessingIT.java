package dev.vitrine.app.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.EventLog;
import dev.vitrine.app.support.VitrineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With no worker to take its jobs, an image's attempts time out one after the other, are retried, and when they
 * are used up the image is stalled — shown to its owner as such — instead of waiting forever.
 */
@VitrineIntegrationTest
@TestPropertySource(
        properties = {
            "vitrine.processing.enabled=false",
            "vitrine.processing.attempt-timeout=2s",
            "vitrine.processing.first-retry-delay=1s",
            "vitrine.processing.max-attempts=2"
        })
class StalledProcessingIT {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_image_whose_attempts_are_used_up_is_stalled_and_listed_for_its_owner() {
        Api api = new Api(http);
        Api.User owner = api.register();
        var gallery = api.createGallery(owner, "Nobody processes this", Visibility.PUBLIC);
        ImageView image = api.upload(owner, gallery.id(), "Landscape_5.jpg");

        ImageView stalled = api.awaitImage(owner, gallery.id(), image.id(), i -> i.status() == ImageStatus.STALLED);
        assertThat(stalled.problem().code()).isEqualTo("processing_stalled");
        assertThat(stalled.problem().message()).contains("2 times");
        assertThat(EventLog.types(jdbc, image.id()))
                .containsSubsequence("UploadConfirmed", "ImageProcessingStalled")
                .doesNotContain("ImagePublished");

        ImagePage listed = api.get(owner, "/api/galleries/" + gallery.id() + "/images?status=stalled")
                .expectStatus()
                .isOk()
                .expectBody(ImagePage.class)
                .returnResult()
                .getResponseBody();
        assertThat(listed.images()).extracting(ImageView::id).containsExactly(image.id());
        assertThat(api.images(null, gallery.id(), 1, 10).images()).isEmpty();
    }
}
