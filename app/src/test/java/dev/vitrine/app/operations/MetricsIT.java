package dev.vitrine.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /actuator/prometheus} against the running app, after an upload was processed and a public page read twice:
 * requests per route, the queue's depth, each processor's lag, job durations per phase, cache outcomes — for
 * administrators only, as every inner endpoint of the actuator.
 */
@VitrineIntegrationTest
class MetricsIT {

    @Autowired
    WebTestClient http;

    @Test
    void prometheus_scrapes_requests_queue_lag_jobs_and_cache_outcomes_for_administrators_only() {
        Api api = new Api(http);
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Measured", Visibility.PUBLIC);
        ImageView uploaded = api.upload(owner, gallery.id(), "Landscape_2.jpg");
        api.awaitImage(owner, gallery.id(), uploaded.id(), image -> image.status() == ImageStatus.PUBLISHED);
        api.images(null, gallery.id(), 1, 10);
        api.images(null, gallery.id(), 1, 10);

        // a scrape of an app that has run many tests outgrows the test client's buffer (64 KB)
        String scrape = http.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .headers(Api.admin()::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/galleries/{galleryId}/images\"")
                .contains("vitrine_processing_queue_waiting{")
                .contains("vitrine_processor_lag{")
                .containsPattern("vitrine_processing_job_duration_seconds_bucket\\{[^}]*phase=\"publish\"")
                .containsPattern("vitrine_cache_reads_total\\{[^}]*outcome=\"hit\"[^}]*} [1-9]")
                .containsPattern("vitrine_cache_reads_total\\{[^}]*outcome=\"miss\"[^}]*} [1-9]");

        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        http.get()
                .uri("/actuator/prometheus")
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
