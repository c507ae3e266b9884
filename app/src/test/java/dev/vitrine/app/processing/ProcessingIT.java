package dev.vitrine.app.processing;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageVariant;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.EventLog;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.fixtures.Fixtures;
import dev.vitrine.processing.job.JobQueue;
import dev.vitrine.processing.job.ProcessImageJob;
import dev.vitrine.processing.worker.ImageWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Uploads become published images, through the saga, the RabbitMQ queue, the worker and S3. */
@VitrineIntegrationTest
class ProcessingIT {

    static final String PHOTO = "2569067123_aca715a2ee_o.jpg";

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobQueue jobs;

    @Autowired
    S3AsyncClient s3;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    Api api;
    Api.User owner;
    GalleryView gallery;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
        gallery = api.createGallery(owner, "Processed", Visibility.PUBLIC);
    }

    @Test
    void an_upload_is_published_with_eight_variants_of_the_right_sizes_and_formats_and_a_blurhash() throws Exception {
        ImageView uploaded = api.upload(owner, gallery.id(), PHOTO);

        ImageView published = api.awaitImage(
                owner, gallery.id(), uploaded.id(), image -> image.variants().size() == 8);
        assertThat(published.status()).isEqualTo(ImageStatus.PUBLISHED);
        assertThat(published.width()).isEqualTo(2725);
        assertThat(published.height()).isEqualTo(2225);
        assertThat(published.aspectRatio()).isCloseTo(2725.0 / 2225, Offset.offset(1e-9));
        assertThat(published.blurhash()).hasSize(36);
        Set<String> seen = new HashSet<>();
        for (ImageVariant variant : published.variants()) {
            VariantFiles file = VariantFiles.fetch(variant, port);
            assertThat(file.format()).isEqualTo(variant.format().name().toLowerCase());
            assertThat(file.width()).isEqualTo(variant.width());
            assertThat(file.height()).isEqualTo(variant.height());
            assertThat(file.cacheControl()).contains("immutable");
            seen.add(variant.size() + " " + variant.format() + " " + file.width() + "x" + file.height());
        }
        assertThat(seen)
                .containsExactlyInAnyOrder(
                        "LARGE WEBP 1323x1080",
                        "LARGE AVIF 1323x1080",
                        "MEDIUM WEBP 800x653",
                        "MEDIUM AVIF 800x653",
                        "SMALL WEBP 300x245",
                        "SMALL AVIF 300x245",
                        "THUMBNAIL WEBP 80x80",
                        "THUMBNAIL AVIF 80x80");

        GalleryView after = api.gallery(null, gallery.id());
        assertThat(after.imageCount()).isEqualTo(1);
        assertThat(after.coverImageId())
                .as("the first published image becomes the cover")
                .isEqualTo(uploaded.id());
        assertThat(api.images(null, gallery.id(), 1, 10).images())
                .extracting(ImageView::id)
                .containsExactly(uploaded.id());

        // the image said its processing is complete, once, and the saga that drove it ended on that
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(EventLog.count(jdbc, uploaded.id(), "ImageProcessingCompleted"))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM associationvalueentry WHERE associationvalue = ?",
                            Integer.class,
                            uploaded.id().toString()))
                    .as("associations of a live processing saga")
                    .isZero();
        });
    }

    @Test
    void a_redelivered_job_creates_no_duplicate() {
        ImageView uploaded = api.upload(owner, gallery.id(), "Landscape_1.jpg");
        api.awaitImage(
                owner, gallery.id(), uploaded.id(), image -> image.variants().size() == 8);
        List<String> keys = variantKeys(uploaded.id());
        double published = jobsDone("publish");
        double completed = jobsDone("complete");

        String key = gallery.id() + "/" + uploaded.id() + "/original";
        String sha =
                jdbc.queryForObject("SELECT sha256 FROM image_lookup WHERE image_id = ?", String.class, uploaded.id());
        jobs.submit(new ProcessImageJob(
                        UUID.randomUUID(),
                        uploaded.id(),
                        gallery.id(),
                        1,
                        1,
                        key,
                        "image/jpeg",
                        sha,
                        null,
                        ProcessImageJob.Phase.PUBLISH,
                        null))
                .block();

        // the worker ran the job again, both its halves, and recorded their results ...
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jobsDone("publish")).isEqualTo(published + 1);
            assertThat(jobsDone("complete")).isEqualTo(completed + 1);
        });
        // ... which recorded nothing new and stored nothing new
        assertThat(EventLog.count(jdbc, uploaded.id(), "VariantGenerated")).isEqualTo(8);
        assertThat(EventLog.count(jdbc, uploaded.id(), "ImagePublished")).isEqualTo(1);
        assertThat(EventLog.count(jdbc, uploaded.id(), "ImageAnalyzed")).isEqualTo(1);
        assertThat(EventLog.count(jdbc, uploaded.id(), "ImageProcessingCompleted"))
                .isEqualTo(1);
        assertThat(api.image(owner, gallery.id(), uploaded.id()).variants()).hasSize(8);
        assertThat(api.gallery(null, gallery.id()).imageCount()).isEqualTo(1);
        assertThat(variantKeys(uploaded.id())).containsExactlyInAnyOrderElementsOf(keys);
    }

    private double jobsDone(String phase) {
        Counter done = meters.find(ImageWorker.JOBS_METER)
                .tag("phase", phase)
                .tag("outcome", "done")
                .counter();
        return done == null ? 0 : done.count();
    }

    @Test
    void the_same_bytes_again_in_the_same_gallery_answer_409_with_the_existing_image_and_store_nothing() {
        ImageView first = api.upload(owner, gallery.id(), "Landscape_2.jpg");
        PresignedUpload again = api.requestUpload(owner, gallery.id(), "Landscape_2.jpg", "image/jpeg");
        assertThat(Api.put(again, Fixtures.bytes("Landscape_2.jpg"), "image/jpeg"))
                .isEqualTo(200);

        var answer = api.confirm(owner, again.uploadId());
        answer.expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("duplicate_image")
                .jsonPath("$.existingId")
                .isEqualTo(first.id().toString());
        assertThat(storedKeys(gallery.id() + "/" + again.uploadId() + "/")).isEmpty();
        assertThat(api.images(owner, gallery.id(), 1, 10).pagination().total()).isEqualTo(1);

        GalleryView elsewhere = api.createGallery(owner, "Elsewhere", Visibility.PRIVATE);
        api.upload(owner, elsewhere.id(), "Landscape_2.jpg");
    }

    @Test
    void a_retried_confirmation_answers_the_same_image_again() {
        ImageView first = api.upload(owner, gallery.id(), "Landscape_3.jpg");
        ImageView retried = api.confirm(owner, first.id())
                .expectStatus()
                .isAccepted()
                .expectBody(ImageView.class)
                .returnResult()
                .getResponseBody();
        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(EventLog.count(jdbc, first.id(), "UploadConfirmed")).isEqualTo(1);
    }

    @Test
    void files_that_are_no_acceptable_image_end_rejected_with_their_reason_shown_to_the_owner() {
        ImageView truncated = api.upload(owner, gallery.id(), "truncated.jpg", "image/jpeg");
        ImageView bomb = api.upload(owner, gallery.id(), "65536-uint32-limit.png", "image/png");
        ImageView misnamed = api.upload(owner, gallery.id(), "blackbug.png", "image/jpeg");

        assertRejected(truncated, "truncated_image");
        assertRejected(bomb, "too_many_pixels");
        assertRejected(misnamed, "content_type_mismatch");
        assertThat(api.get(owner, "/api/galleries/" + gallery.id() + "/images?status=rejected")
                        .expectStatus()
                        .isOk()
                        .expectBody(ImagePage.class)
                        .returnResult()
                        .getResponseBody()
                        .pagination()
                        .total())
                .isEqualTo(3);
        assertThat(api.images(null, gallery.id(), 1, 10).images()).isEmpty();
        expectProblem(
                api.get(null, "/api/galleries/" + gallery.id() + "/images/" + bomb.id()),
                HttpStatus.NOT_FOUND,
                "image_not_found",
                null);
    }

    @Test
    void reprocessing_makes_a_new_generation_without_a_moment_without_variants() {
        ImageView image = api.upload(owner, gallery.id(), "Landscape_4.jpg");
        ImageView first = api.awaitImage(
                owner, gallery.id(), image.id(), i -> i.variants().size() == 8);
        List<String> firstKeys = variantKeys(image.id());

        http.post()
                .uri("/api/galleries/" + gallery.id() + "/images/" + image.id() + "/reprocess")
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(ImageView.class)
                .value(answer -> assertThat(answer.status()).isEqualTo(ImageStatus.PUBLISHED));

        // every answer from the reprocess on, until the new generation is complete, still shows a published image
        List<ImageView> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    ImageView now = api.image(null, gallery.id(), image.id());
                    seen.add(now);
                    return now.variants().size() == 8
                            && now.variants().stream().allMatch(v -> v.url().contains("/g2/"));
                });
        assertThat(seen).as("never without its WebP set while reprocessing").allSatisfy(now -> {
            assertThat(now.status()).isEqualTo(ImageStatus.PUBLISHED);
            assertThat(now.variants())
                    .filteredOn(v -> v.format() == VariantFormat.WEBP)
                    .hasSize(4);
        });
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(variantKeys(image.id()))
                        .hasSize(8)
                        .allMatch(key -> key.contains("/g2/"))
                        .doesNotContainAnyElementsOf(firstKeys));
        assertThat(api.gallery(null, gallery.id()).imageCount()).isEqualTo(1);
        assertThat(first.variants()).hasSize(8);
    }

    private void assertRejected(ImageView uploaded, String code) {
        ImageView rejected =
                api.awaitImage(owner, gallery.id(), uploaded.id(), i -> i.status() == ImageStatus.REJECTED);
        assertThat(rejected.problem().code()).isEqualTo(code);
        assertThat(rejected.problem().message()).isNotBlank();
        assertThat(rejected.variants()).isEmpty();
    }

    private List<String> variantKeys(UUID imageId) {
        return storedKeys(gallery.id() + "/" + imageId + "/g");
    }

    private List<String> storedKeys(String prefix) {
        return s3.listObjectsV2(list -> list.bucket("vitrine").prefix(prefix)).join().contents().stream()
                .map(S3Object::key)
                .filter(key -> !key.endsWith("/"))
                .toList();
    }
}
