package dev.vitrine.app.upload;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.EventLog;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.fixtures.Fixtures;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** With uploads valid for two seconds, what happens once they have expired. */
@VitrineIntegrationTest
@TestPropertySource(properties = "vitrine.uploads.url-validity=2s")
class PresignedUrlExpiryIT {

    static final String PHOTO = "Landscape_1.jpg";

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    S3AsyncClient s3;

    @Test
    void an_expired_presigned_url_refuses_the_file_and_the_upload_can_no_longer_be_confirmed() throws Exception {
        Api api = new Api(http);
        Api.User owner = api.register();
        var gallery = api.createGallery(owner, "Expiring", Visibility.PRIVATE);
        PresignedUpload upload = api.requestUpload(owner, gallery.id(), PHOTO, "image/jpeg");
        assertThat(upload.expiresAt()).isBefore(Instant.now().plusSeconds(3));

        sleepUntil(upload.expiresAt().plusMillis(1500));

        assertThat(Api.put(upload, Fixtures.bytes(PHOTO), "image/jpeg")).isEqualTo(403);
        expectProblem(api.confirm(owner, upload.uploadId()), HttpStatus.GONE, "upload_expired", null);
    }

    @Test
    void a_file_put_in_time_but_confirmed_too_late_is_refused() throws Exception {
        Api api = new Api(http);
        Api.User owner = api.register();
        var gallery = api.createGallery(owner, "Late", Visibility.PRIVATE);
        PresignedUpload upload = api.requestUpload(owner, gallery.id(), PHOTO, "image/jpeg");
        assertThat(Api.put(upload, Fixtures.bytes(PHOTO), "image/jpeg")).isEqualTo(200);

        sleepUntil(upload.expiresAt().plusMillis(500));

        expectProblem(api.confirm(owner, upload.uploadId()), HttpStatus.GONE, "upload_expired", null);
        assertThat(api.images(owner, gallery.id(), 1, 10).images()).isEmpty();
    }

    @Test
    void an_upload_never_confirmed_expires_and_its_stored_file_is_deleted() {
        Api api = new Api(http);
        Api.User owner = api.register();
        var gallery = api.createGallery(owner, "Abandoned", Visibility.PRIVATE);
        PresignedUpload upload = api.requestUpload(owner, gallery.id(), PHOTO, "image/jpeg");
        assertThat(Api.put(upload, Fixtures.bytes(PHOTO), "image/jpeg")).isEqualTo(200);
        String original = gallery.id() + "/" + upload.uploadId() + "/original";
        assertThat(stored(original)).isTrue();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(EventLog.types(jdbc, upload.uploadId())).contains("UploadExpired");
            assertThat(stored(original)).isFalse();
        });
        expectProblem(api.confirm(owner, upload.uploadId()), HttpStatus.GONE, "upload_expired", null);
    }

    private boolean stored(String key) {
        return !s3.listObjectsV2(list -> list.bucket("vitrine").prefix(key))
                .join()
                .contents()
                .isEmpty();
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
