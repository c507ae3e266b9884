package dev.vitrine.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.webhook.WebhookView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.RunningJar;
import dev.vitrine.app.support.TestQueues;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The sample integrator of deploy/integrator, run as its README says, follows a gallery over AMQP and webhooks. */
@VitrineIntegrationTest
class SampleIntegratorIT {

    static final Path INTEGRATOR = Path.of("..", "deploy", "integrator", "Integrator.java")
            .toAbsolutePath()
            .normalize();

    @Autowired
    WebTestClient http;

    @TempDir
    Path work;

    @Test
    void the_sample_integrator_receives_the_events_over_amqp_and_verifies_the_webhooks() throws Exception {
        int port = RunningJar.freePort();
        Path secret = work.resolve("webhook-secret.txt");
        Files.writeString(secret, "not registered yet");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process integrator = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        INTEGRATOR.toString(),
                        "--amqp=amqp://guest:guest@" + TestQueues.HOST + ":5672",
                        "--bind=dev.vitrine.gallery.#",
                        "--webhook-port=" + port,
                        "--secret-file=" + secret)
                .redirectErrorStream(true)
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual()
                .start(() -> new BufferedReader(new InputStreamReader(integrator.getInputStream()))
                        .lines()
                        .forEach(lines::add));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> lines.contains("integrator ready"));
            Api api = new Api(http);
            Api.User owner = api.register();
            GalleryView gallery = api.createGallery(owner, "Integrated", Visibility.PUBLIC);
            WebhookView hook = http.post()
                    .uri("/api/webhooks")
                    .headers(Api.admin()::sign)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "url",
                            "http://127.0.0.1:" + port + "/",
                            "galleryId",
                            gallery.id().toString(),
                            "allowPrivateNetwork",
                            true))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(WebhookView.class)
                    .returnResult()
                    .getResponseBody();
            Files.writeString(secret, hook.secret());
            api.patchGallery(owner, gallery.id(), Map.of("name", "Integrated, renamed"));

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(lines)
                            .anyMatch(line -> line.startsWith("amqp dev.vitrine.gallery.created.v1 ")
                                    && line.endsWith("galleries/" + gallery.id()))
                            .anyMatch(line -> line.startsWith("amqp dev.vitrine.gallery.updated.v1 ")
                                    && line.endsWith("galleries/" + gallery.id()))
                            .anyMatch(line -> line.startsWith("webhook verified dev.vitrine.gallery.updated.v1 ")));
            assertThat(lines).noneMatch(line -> line.startsWith("webhook REJECTED"));
        } finally {
            integrator.destroy();
        }
    }
}
