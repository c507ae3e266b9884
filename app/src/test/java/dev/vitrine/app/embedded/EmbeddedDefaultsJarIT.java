package dev.vitrine.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.RunningJar;
import dev.vitrine.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The packaged jar with nothing configured runs on its embedded PostgreSQL and S3 server, and what it was told
 * survives a normal restart and a kill -9.
 */
class EmbeddedDefaultsJarIT {

    @TempDir
    Path dataDir;

    @Test
    void the_jar_keeps_galleries_and_uploads_across_a_kill_9_and_a_restart() throws Exception {
        int port = RunningJar.freePort();
        int s3Port = RunningJar.freePort();
        Api.User owner;
        GalleryView gallery;
        ImageView image;

        RunningJar first = RunningJar.start(dataDir, port, s3Port);
        try {
            assertThat(first.log())
                    .containsPattern("PostgreSQL \\(events, read model, accounts\\)\\s+embedded")
                    .containsPattern("Object storage \\(S3\\)\\s+embedded\\s+http://localhost:" + s3Port)
                    .containsPattern("Read cache \\(Redis\\)\\s+embedded\\s+in-process")
                    .contains("Vitrine is ready: http://localhost:" + port + "/");
            assertThat(setting(first, "fsync")).isEqualTo("on");
            assertThat(setting(first, "synchronous_commit")).isEqualTo("on");

            Api api = api(port);
            owner = api.register();
            gallery = api.createGallery(owner, "Survives kill -9", Visibility.PUBLIC);
            image = api.upload(owner, gallery.id(), "Portrait_6.jpg");
        } finally {
            first.kill();
        }

        try (RunningJar second = RunningJar.start(dataDir, port, s3Port)) {
            Api api = api(port);
            assertThat(api.gallery(null, gallery.id()).name()).isEqualTo("Survives kill -9");
            assertThat(api.images(owner, gallery.id(), 1, 10).images())
                    .extracting(ImageView::id)
                    .containsExactly(image.id());
            assertThat(Files.size(dataDir.resolve("objects/vitrine/" + gallery.id() + "/" + image.id() + "/original")))
                    .isEqualTo(Files.size(Fixtures.image("Portrait_6.jpg")));
            api.createGallery(owner, "Made after the kill", Visibility.PRIVATE);
            second.stop();
        }

        try (RunningJar third = RunningJar.start(dataDir, port, s3Port)) {
            assertThat(api(port).galleries(owner, null, 10).galleries())
                    .extracting(GalleryView::name)
                    .containsExactly("Made after the kill", "Survives kill -9");
        }
    }

    private static Api api(int port) {
        return new Api(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build());
    }

    private static String setting(RunningJar jar, String name) throws Exception {
        String url = "jdbc:postgresql://localhost:" + jar.embeddedPostgresPort() + "/vitrine";
        try (var connection = DriverManager.getConnection(url, "postgres", "");
                ResultSet result = connection.createStatement().executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
