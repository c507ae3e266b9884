package dev.vitrine.app.outage;

import static dev.vitrine.app.outage.Unavailable.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.AppNode;
import dev.vitrine.app.support.RunningJar;
import dev.vitrine.fixtures.Fixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL going away (a server of the test's own, stopped and started again): every write answers 503 with
 * Retry-After within a bound instead of a 500 or a hang, cached reads keep answering, and once PostgreSQL is back
 * the same app takes writes again, including the confirmation it refused meanwhile.
 */
class PostgresOutageIT {

    private static final String PHOTO = "2569067123_aca715a2ee_o.jpg";

    private Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;
    private AppNode app;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (dataDirectory != null) {
            try (var files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void writes_answer_503_while_postgresql_is_down_and_succeed_again_once_it_is_back() throws Exception {
        dataDirectory = Files.createTempDirectory("vitrine-outage-postgres");
        port = RunningJar.freePort();
        startPostgres();
        app = AppNode.start(
                "postgres-outage",
                "jdbc:postgresql://localhost:" + port + "/postgres",
                "vitrine.processing.enabled=false");
        Api api = app.api();
        Api.User owner = api.register();
        String credentials = owner.username() + ":" + owner.password();
        GalleryView gallery = api.createGallery(owner, "Before the outage", Visibility.PUBLIC);
        String galleryUri = "/api/galleries/" + gallery.id();
        PresignedUpload upload = api.requestUpload(owner, gallery.id(), PHOTO, "image/jpeg");
        assertThat(Api.put(upload, Fixtures.bytes(PHOTO), "image/jpeg")).isEqualTo(200);
        // in the cache, and no projection of the writes above left to invalidate it
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "hit"
                        .equals(app.http()
                                .get()
                                .uri(galleryUri)
                                .exchange()
                                .returnResult(String.class)
                                .getResponseHeaders()
                                .getFirst("X-Cache")));
        String confirmUri = "/api/uploads/" + upload.uploadId() + "/confirm";

        postgres.close();

        List<TimedCall> writes = List.of(
                TimedCall.send(
                        app.port(),
                        "POST",
                        "/api/galleries",
                        credentials,
                        "{\"name\":\"During the outage\",\"visibility\":\"public\"}"),
                TimedCall.send(app.port(), "PATCH", galleryUri, credentials, "{\"name\":\"Renamed\"}"),
                TimedCall.send(
                        app.port(),
                        "POST",
                        "/api/uploads",
                        credentials,
                        "{\"filename\":\"a.jpg\",\"contentType\":\"image/jpeg\",\"size\":1000,\"galleryId\":\""
                                + gallery.id() + "\"}"),
                TimedCall.send(app.port(), "POST", confirmUri, credentials, null),
                TimedCall.send(
                        app.port(),
                        "POST",
                        "/api/accounts",
                        null,
                        "{\"username\":\"nobody" + port + "\",\"password\":\"a-long-password\"}"));
        writes.forEach(Unavailable::assertUnavailable);

        // a public gallery read just before is still in the cache; anything else may only be unavailable
        TimedCall cached = TimedCall.send(app.port(), "GET", galleryUri, null, null);
        assertThat(cached.status()).as("%s", cached).isEqualTo(200);
        assertThat(cached.body()).contains("Before the outage");
        TimedCall uncached = TimedCall.send(app.port(), "GET", galleryUri + "/images?limit=7", null, null);
        if (uncached.status() != 200) {
            assertUnavailable(uncached);
        }

        startPostgres();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        TimedCall.send(app.port(), "PATCH", galleryUri, credentials, "{\"name\":\"After the outage\"}")
                                        .status()
                                == 200);
        TimedCall confirmed = TimedCall.send(app.port(), "POST", confirmUri, credentials, null);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(202);
        assertThat(api.gallery(null, gallery.id()).name()).isEqualTo("After the outage");
    }

    private void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .start();
    }
}
