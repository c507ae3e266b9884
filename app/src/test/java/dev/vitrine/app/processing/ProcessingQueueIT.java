package dev.vitrine.app.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.admin.ProcessingQueueView;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.image.query.ProcessingBacklogView;
import dev.vitrine.app.storage.ObjectStore;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.AppNode;
import dev.vitrine.app.support.TestDatabases;
import dev.vitrine.fixtures.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The depth of the processing queue, as operators and users see it, in both kinds of queue: jobs confirmed while
 * no node has workers wait, counted; a node with workers drains them, none lost, and the count falls to zero.
 */
class ProcessingQueueIT {

    static final String ADMIN = "queue-admin";
    static final String ADMIN_PASSWORD = "queue-admin-password";
    static final int BURST = 12;

    @Test
    void the_job_table_counts_what_waits_and_a_node_with_workers_drains_it() {
        String database = TestDatabases.create();
        // no RabbitMQ: the PostgreSQL job table
        String[] settings = {
            "spring.rabbitmq.host=", "vitrine.admin.username=" + ADMIN, "vitrine.admin.password=" + ADMIN_PASSWORD
        };
        Api.User owner;
        GalleryView gallery;
        List<UUID> images = new ArrayList<>();
        try (AppNode front =
                AppNode.start("queue-front", database, with(settings, "vitrine.processing.enabled=false"))) {
            Api api = front.api();
            owner = api.register();
            gallery = api.createGallery(owner, "Burst", Visibility.PUBLIC);
            images.addAll(burst(api, owner, gallery));

            ProcessingQueueView queue = queue(api);
            assertThat(queue.queue()).isEqualTo("PostgreSQL job table");
            assertThat(queue.waitingToPublish()).isEqualTo(BURST);
            assertThat(queue.waitingToComplete()).isZero();
            assertThat(queue.inHand()).isZero();
            assertThat(queue.deadLettered())
                    .as("the job table has no dead letters")
                    .isNull();
            assertThat(queue.oldestWaitingSince()).isNotNull();
            assertThat(queue.workersOnThisNode()).isZero();
            assertThat(backlog(api, owner).waiting()).isEqualTo(BURST);
            MeterRegistry meters = front.bean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> meters.get("vitrine.processing.queue.waiting")
                                    .tag("phase", "publish")
                                    .gauge()
                                    .value()
                            == BURST);

            ObjectStore store = front.bean(ObjectStore.class);
            var credentials = store.credentials().resolveCredentials();
            try (AppNode worker = AppNode.start(
                    "queue-worker",
                    database,
                    with(
                            with(
                                    with(settings, "vitrine.s3.endpoint=" + store.endpoint()),
                                    "vitrine.s3.access-key=" + credentials.accessKeyId()),
                            "vitrine.s3.secret-key=" + credentials.secretAccessKey()))) {
                for (UUID image : images) {
                    api.awaitImage(owner, gallery.id(), image, DurableJobsIT::complete);
                }
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    ProcessingQueueView drained = queue(worker.api());
                    assertThat(drained.waitingToPublish() + drained.waitingToComplete())
                            .isZero();
                    assertThat(drained.inHand()).isZero();
                    assertThat(drained.workersOnThisNode()).isPositive();
                });
                assertThat(api.images(owner, gallery.id(), 1, 50).images())
                        .as("every upload, once")
                        .extracting(ImageView::id)
                        .containsExactlyInAnyOrderElementsOf(images);
            }
        }
    }

    @Test
    void rabbitmq_counts_what_is_ready_and_what_it_dead_lettered() {
        try (AppNode front = AppNode.start(
                "queue-rabbit",
                TestDatabases.create(),
                "vitrine.processing.enabled=false",
                "vitrine.admin.username=" + ADMIN,
                "vitrine.admin.password=" + ADMIN_PASSWORD)) {
            Api api = front.api();
            Api.User owner = api.register();
            GalleryView gallery = api.createGallery(owner, "Burst", Visibility.PUBLIC);
            burst(api, owner, gallery);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                ProcessingQueueView queue = queue(api);
                assertThat(queue.queue()).startsWith("amqp://");
                assertThat(queue.waitingToPublish()).isEqualTo(BURST);
                assertThat(queue.inHand())
                        .as("the broker does not count what workers hold")
                        .isNull();
                assertThat(queue.deadLettered()).isZero();
            });
        }
    }

    private static List<UUID> burst(Api api, Api.User owner, GalleryView gallery) {
        byte[] photo = Fixtures.bytes("Landscape_1.jpg");
        List<UUID> images = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            byte[] unique = new byte[photo.length + 4];
            System.arraycopy(photo, 0, unique, 0, photo.length);
            System.arraycopy(
                    ("#" + (char) ('a' + i) + "#").getBytes(StandardCharsets.US_ASCII), 0, unique, photo.length, 3);
            images.add(api.upload(owner, gallery.id(), "burst-" + i + ".jpg", unique, "image/jpeg")
                    .id());
        }
        return images;
    }

    private static ProcessingQueueView queue(Api api) {
        Api.User admin = new Api.User(ADMIN, ADMIN_PASSWORD, null);
        return api.get(admin, "/api/admin/processing")
                .expectStatus()
                .isOk()
                .expectBody(ProcessingQueueView.class)
                .returnResult()
                .getResponseBody();
    }

    private static ProcessingBacklogView backlog(Api api, Api.User user) {
        return api.get(user, "/api/processing/backlog")
                .expectStatus()
                .isOk()
                .expectBody(ProcessingBacklogView.class)
                .returnResult()
                .getResponseBody();
    }

    private static String[] with(String[] settings, String more) {
        String[] all = Arrays.copyOf(settings, settings.length + 1);
        all[settings.length] = more;
        return all;
    }
}
