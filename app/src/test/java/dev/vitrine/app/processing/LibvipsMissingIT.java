package dev.vitrine.app.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.processing.imaging.ImagingRuntime;
import dev.vitrine.processing.worker.ImageWorker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A node whose libvips does not load starts anyway, says why it does not process, and serves everything else.
 */
@VitrineIntegrationTest
@TestPropertySource(properties = "vitrine.imaging.library=libvips-that-is-not-installed.so.42")
class LibvipsMissingIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ImagingRuntime imaging;

    @Autowired
    ImageWorker worker;

    @Test
    void without_libvips_the_node_runs_without_workers_and_says_why() {
        assertThat(imaging.vips()).isEmpty();
        assertThat(imaging.describe()).contains("unavailable").contains("libvips42");
        assertThat(worker.workers()).isZero();
        assertThat(worker.isRunning()).isFalse();

        Api api = new Api(http);
        Api.User owner = api.register();
        var gallery = api.createGallery(owner, "Still works", Visibility.PUBLIC);
        var image = api.upload(owner, gallery.id(), "Landscape_6.jpg");
        assertThat(image.status()).isEqualTo(ImageStatus.PROCESSING);
    }

    /** Nobody processes here, so an image stays in processing and the visibility rule for it can be seen. */
    @Test
    void an_image_still_processing_is_shown_to_its_owner_only() {
        Api api = new Api(http);
        Api.User owner = api.register();
        var gallery = api.createGallery(owner, "Waiting", Visibility.PUBLIC);
        var image = api.upload(owner, gallery.id(), "Landscape_7.jpg");

        assertThat(api.images(null, gallery.id(), 1, 20).images()).isEmpty();
        assertThat(api.images(api.register(), gallery.id(), 1, 20).pagination().total())
                .isZero();
        api.get(null, "/api/galleries/" + gallery.id() + "/images/" + image.id())
                .expectStatus()
                .isNotFound();
        assertThat(api.image(owner, gallery.id(), image.id()).status()).isEqualTo(ImageStatus.PROCESSING);
        assertThat(api.images(owner, gallery.id(), 1, 20).pagination().total()).isEqualTo(1);
    }
}
