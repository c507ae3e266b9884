package dev.vitrine.app.outage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.AppNode;
import dev.vitrine.app.support.RabbitNode;
import dev.vitrine.app.support.TestDatabases;
import dev.vitrine.fixtures.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RabbitMQ going away (a node of the test's own) while uploads are confirmed: the confirmations are accepted (the
 * events are in PostgreSQL), reads answer, and once the broker is back every image is processed, without a restart
 * of the app — and none is stalled for want of a queue, however few attempts the settings allow.
 */
class RabbitOutageIT {

    @Test
    void uploads_confirmed_while_rabbitmq_is_down_are_all_published_once_it_is_back() throws Exception {
        try (RabbitNode broker = RabbitNode.start();
                AppNode app = AppNode.start(
                        "rabbit-outage",
                        TestDatabases.create(),
                        "spring.rabbitmq.port=" + broker.port(),
                        // two attempts a second apart: were a refused job an attempt, the images would stall
                        "vitrine.processing.max-attempts=2",
                        "vitrine.processing.first-retry-delay=1s",
                        "vitrine.processing.max-retry-delay=2s")) {
            Api api = app.api();
            Api.User owner = api.register();
            GalleryView gallery = api.createGallery(owner, "While the broker is away", Visibility.PUBLIC);

            broker.stopApp();
            byte[] photo = Fixtures.bytes("Landscape_2.jpg");
            List<UUID> images = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                byte[] unique = concat(photo, ("#" + i).getBytes(StandardCharsets.US_ASCII));
                images.add(api.upload(owner, gallery.id(), "away-" + i + ".jpg", unique, "image/jpeg")
                        .id());
            }
            assertThat(api.images(owner, gallery.id(), 1, 10).images())
                    .as("confirmed and listed while the broker is away")
                    .extracting(ImageView::status)
                    .containsOnly(ImageStatus.PROCESSING);
            Thread.sleep(8000);
            assertThat(api.images(owner, gallery.id(), 1, 10).images())
                    .as("waiting for the queue, not stalled")
                    .extracting(ImageView::status)
                    .containsOnly(ImageStatus.PROCESSING);
            broker.startApp();

            for (UUID image : images) {
                ImageView done = api.awaitImage(
                        owner,
                        gallery.id(),
                        image,
                        i -> i.status() != ImageStatus.PROCESSING
                                && (i.status() != ImageStatus.PUBLISHED
                                        || i.variants().size() == 8));
                assertThat(done.status()).isEqualTo(ImageStatus.PUBLISHED);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
