package dev.vitrine.app.outage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.AppNode;
import dev.vitrine.app.support.RunningJar;
import dev.vitrine.app.support.TestDatabases;
import dev.vitrine.fixtures.Fixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 server going away (one of the test's own, stopped and started again on its files): a confirmation, which
 * reads the stored file back, answers 503 with Retry-After within a bound, and loses nothing: confirmed again once
 * the server is back, it is accepted.
 */
class S3OutageIT {

    private static final String PHOTO = "2569067123_aca715a2ee_o.jpg";
    private static final String ACCESS_KEY = "outage";
    private static final String SECRET_KEY = "outage-secret";

    private Path directory;
    private int port;
    private BlobStoreContext blobs;
    private S3Proxy s3;
    private AppNode app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        stopS3();
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void a_confirmation_while_s3_is_down_answers_503_and_goes_through_once_it_is_back() throws Exception {
        directory = Files.createTempDirectory("vitrine-outage-s3");
        port = RunningJar.freePort();
        startS3();
        app = AppNode.start(
                "s3-outage",
                TestDatabases.create(),
                "vitrine.processing.enabled=false",
                "vitrine.s3.endpoint=http://127.0.0.1:" + port,
                "vitrine.s3.access-key=" + ACCESS_KEY,
                "vitrine.s3.secret-key=" + SECRET_KEY);
        Api api = app.api();
        Api.User owner = api.register();
        String credentials = owner.username() + ":" + owner.password();
        GalleryView gallery = api.createGallery(owner, "Uploads", Visibility.PUBLIC);
        PresignedUpload upload = api.requestUpload(owner, gallery.id(), PHOTO, "image/jpeg");
        assertThat(Api.put(upload, Fixtures.bytes(PHOTO), "image/jpeg")).isEqualTo(200);
        String confirmUri = "/api/uploads/" + upload.uploadId() + "/confirm";

        stopS3();

        Unavailable.assertUnavailable(TimedCall.send(app.port(), "POST", confirmUri, credentials, null));
        // presigning is local: an upload may still be reserved (the client's PUT is what waits for the server)
        TimedCall reserved = TimedCall.send(
                app.port(),
                "POST",
                "/api/uploads",
                credentials,
                "{\"filename\":\"b.jpg\",\"contentType\":\"image/jpeg\",\"size\":1000,\"galleryId\":\"" + gallery.id()
                        + "\"}");
        assertThat(reserved.status()).as("%s", reserved).isEqualTo(201);

        startS3();

        TimedCall confirmed = TimedCall.send(app.port(), "POST", confirmUri, credentials, null);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(202);
        assertThat(confirmed.body()).contains("\"status\":\"processing\"");
    }

    @Test
    void an_image_whose_worker_cannot_read_s3_waits_for_it_and_is_published_once_it_is_back() throws Exception {
        directory = Files.createTempDirectory("vitrine-outage-s3");
        port = RunningJar.freePort();
        startS3();
        String database = TestDatabases.create();
        String[] store = {
            "vitrine.s3.endpoint=http://127.0.0.1:" + port,
            "vitrine.s3.access-key=" + ACCESS_KEY,
            "vitrine.s3.secret-key=" + SECRET_KEY,
            // no RabbitMQ: the job table, which the worker node below shares
            "spring.rabbitmq.host=",
            // two attempts a second apart: were an unreadable store an attempt, the image would stall
            "vitrine.processing.max-attempts=2",
            "vitrine.processing.first-retry-delay=1s",
            "vitrine.processing.attempt-timeout=1m"
        };
        app = AppNode.start("s3-outage-front", database, with(store, "vitrine.processing.enabled=false"));
        Api api = app.api();
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Processed after the outage", Visibility.PUBLIC);
        ImageView image = api.upload(owner, gallery.id(), PHOTO);

        stopS3();
        try (AppNode worker = AppNode.start("s3-outage-worker", database, store)) {
            Thread.sleep(8000);
            assertThat(api.image(owner, gallery.id(), image.id()).status())
                    .as("waiting for the store, not stalled")
                    .isEqualTo(ImageStatus.PROCESSING);
            startS3();
            ImageView done = api.awaitImage(
                    owner,
                    gallery.id(),
                    image.id(),
                    i -> i.status() != ImageStatus.PROCESSING
                            && (i.status() != ImageStatus.PUBLISHED
                                    || i.variants().size() == 8));
            assertThat(done.status()).isEqualTo(ImageStatus.PUBLISHED);
        }
    }

    private static String[] with(String[] settings, String more) {
        String[] all = Arrays.copyOf(settings, settings.length + 1);
        all[settings.length] = more;
        return all;
    }

    private void startS3() throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", directory.toString());
        blobs = ContextBuilder.newBuilder("filesystem").overrides(overrides).buildView(BlobStoreContext.class);
        s3 = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) {
            Thread.sleep(10);
        }
    }

    private void stopS3() throws Exception {
        if (s3 != null) {
            s3.stop();
            blobs.close();
            s3 = null;
        }
    }
}
