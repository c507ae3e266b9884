package dev.vitrine.app.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.storage.ObjectStore;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.AppNode;
import dev.vitrine.app.support.EventLog;
import dev.vitrine.app.support.RunningJar;
import dev.vitrine.app.support.TestDatabases;
import dev.vitrine.app.support.TestQueues;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A worker process killed (kill -9) in the middle of a job: RabbitMQ gives the unacknowledged job to another
 * worker, which finishes it, and the image ends published once with its eight variants — nothing lost, nothing
 * twice.
 */
class WorkerCrashIT {

    @TempDir
    Path workerData;

    @Test
    void a_worker_killed_mid_job_is_replaced_and_the_image_ends_published_once() throws Exception {
        String database = TestDatabases.create();
        String queue = TestQueues.create();
        try (AppNode front = AppNode.start(
                "front", database, "vitrine.processing.enabled=false", "vitrine.processing.queue=" + queue)) {
            ObjectStore store = front.bean(ObjectStore.class);
            var credentials = store.credentials().resolveCredentials();
            Api api = front.api();
            Api.User owner = api.register();
            GalleryView gallery = api.createGallery(owner, "Survives a dying worker", Visibility.PUBLIC);

            // a slow AVIF effort keeps the doomed worker busy long enough to be killed mid-job
            RunningJar doomed = RunningJar.start(
                    workerData,
                    RunningJar.freePort(),
                    RunningJar.freePort(),
                    "--spring.datasource.url=" + database,
                    "--spring.datasource.username=" + TestDatabases.user(),
                    "--spring.rabbitmq.host=" + TestQueues.HOST,
                    "--vitrine.processing.queue=" + queue,
                    "--vitrine.processing.workers=1",
                    "--vitrine.imaging.avif-effort=8",
                    "--vitrine.s3.endpoint=" + store.endpoint(),
                    "--vitrine.s3.access-key=" + credentials.accessKeyId(),
                    "--vitrine.s3.secret-key=" + credentials.secretAccessKey());
            ImageView image;
            try {
                image = api.upload(owner, gallery.id(), "gain-map.jpg");
                ImageView midJob =
                        api.awaitImage(owner, gallery.id(), image.id(), i -> i.status() == ImageStatus.PUBLISHED);
                assertThat(midJob.variants())
                        .as("killed before the AVIF set was done")
                        .hasSizeLessThan(8);
            } finally {
                doomed.kill();
            }
            JdbcTemplate jdbc = front.bean(JdbcTemplate.class);
            long variantsBeforeRescue = EventLog.count(jdbc, image.id(), "VariantGenerated");
            assertThat(variantsBeforeRescue).isLessThan(8);

            try (AppNode rescuer = AppNode.start(
                    "rescuer",
                    database,
                    "vitrine.processing.queue=" + queue,
                    "vitrine.s3.endpoint=" + store.endpoint(),
                    "vitrine.s3.access-key=" + credentials.accessKeyId(),
                    "vitrine.s3.secret-key=" + credentials.secretAccessKey())) {
                ImageView done = api.awaitImage(
                        owner, gallery.id(), image.id(), i -> i.variants().size() == 8);
                assertThat(done.status()).isEqualTo(ImageStatus.PUBLISHED);
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(EventLog.count(jdbc, image.id(), "VariantGenerated"))
                                .isEqualTo(8));
                assertThat(EventLog.count(jdbc, image.id(), "ImagePublished")).isEqualTo(1);
                assertThat(EventLog.count(jdbc, image.id(), "ImageAnalyzed")).isEqualTo(1);
                assertThat(TestQueues.depth(queue)).isZero();
            }
        }
    }
}
