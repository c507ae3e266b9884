package dev.vitrine.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.BrowserSession;
import dev.vitrine.app.support.JarProcess;
import dev.vitrine.app.support.OtlpCollector;
import dev.vitrine.app.support.RunningJar;
import dev.vitrine.app.support.TestDatabases;
import dev.vitrine.app.support.Trace;
import dev.vitrine.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Three nodes of the packaged jar split by role against the machine's PostgreSQL, RabbitMQ and Redis: two api nodes
 * and one node that works and projects. The S3 server is that third node's embedded one (the api nodes are
 * configured with it as an external S3 endpoint). A user signs in on one api node, uploads through the other with
 * the same session, the worker node processes the photo, and both api nodes read it published. Every node exports
 * its traces by OTLP to the test, which finds the upload's one trace spanning the processes.
 */
class ClusterIT {

    private static final String S3_SECRET = "cluster-test-secret-" + UUID.randomUUID();
    private static final String ADMIN = "cluster-admin";
    private static final String ADMIN_PASSWORD = "cluster-admin-" + UUID.randomUUID();

    @Test
    void api_nodes_share_a_session_and_a_worker_node_publishes_what_they_take() throws Exception {
        String database = TestDatabases.create();
        String run = UUID.randomUUID().toString().substring(0, 8);
        int[] ports = RunningJar.freePorts(4);
        int s3Port = ports[0];
        List<JarProcess> nodes = new ArrayList<>();
        try (OtlpCollector collector = new OtlpCollector()) {
            Path backDir = Files.createTempDirectory("vitrine-cluster-back");
            // the embedded S3 server keeps the secret it finds in its data directory: the api nodes are told it
            Files.writeString(backDir.resolve("s3-secret"), S3_SECRET);
            int backPort = ports[1];
            // first, so that only it migrates the fresh database
            JarProcess back = start(
                    nodes,
                    database,
                    run,
                    backPort,
                    "worker,projector",
                    collector.arguments("back"),
                    List.of(
                            "--vitrine.embedded.data-dir=" + backDir,
                            "--vitrine.embedded.s3-port=" + s3Port,
                            // the tracking processors' threads each hold a connection while they write a batch
                            "--spring.datasource.hikari.maximum-pool-size=10"));
            List<String> externalS3 = List.of(
                    "--vitrine.s3.endpoint=http://127.0.0.1:" + s3Port,
                    "--vitrine.s3.access-key=vitrine",
                    "--vitrine.s3.secret-key=" + S3_SECRET,
                    "--vitrine.embedded.data-dir=" + Files.createTempDirectory("vitrine-cluster-api"),
                    "--spring.datasource.hikari.maximum-pool-size=4");
            int onePort = ports[2];
            int otherPort = ports[3];
            JarProcess one = start(nodes, database, run, onePort, "api", collector.arguments("api-1"), externalS3);
            JarProcess other = start(nodes, database, run, otherPort, "api", collector.arguments("api-2"), externalS3);

            assertThat(back.log()).contains("Roles of this node: worker, projector");
            assertThat(one.log())
                    .contains("Roles of this node: api")
                    .contains("No image workers on this node: its roles are api");
            WebTestClient backHttp = client(backPort);
            backHttp.get()
                    .uri("/api/galleries")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.message")
                    .value(message -> assertThat((String) message).contains("does not serve the API"));
            backHttp.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isOk();

            Api first = new Api(client(onePort));
            Api second = new Api(client(otherPort));
            Api.User alice = first.register();

            // signed in on the first api node, the session works on the second
            // the cookie of a session opened on the first node, used on the second
            BrowserSession session = new BrowserSession(
                    client(otherPort),
                    BrowserSession.signIn(client(onePort), alice.username(), alice.password())
                            .cookie());
            GalleryView gallery = session.write(
                            HttpMethod.POST, "/api/galleries", Map.of("name", "Across nodes", "visibility", "public"))
                    .expectStatus()
                    .isCreated()
                    .expectBody(GalleryView.class)
                    .returnResult()
                    .getResponseBody();
            byte[] photo = Fixtures.bytes("Landscape_1.jpg");
            PresignedUpload upload = session.write(
                            HttpMethod.POST,
                            "/api/uploads",
                            Map.of(
                                    "filename",
                                    "tram.jpg",
                                    "contentType",
                                    "image/jpeg",
                                    "size",
                                    photo.length,
                                    "galleryId",
                                    gallery.id().toString()))
                    .expectStatus()
                    .isCreated()
                    .expectBody(PresignedUpload.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(Api.put(upload, photo, "image/jpeg")).isEqualTo(200);
            session.write(HttpMethod.POST, "/api/uploads/" + upload.uploadId() + "/confirm", Map.of())
                    .expectStatus()
                    .isAccepted();

            // processed on the worker node, projected there, read from either api node
            ImageView published = second.awaitImage(
                    alice, gallery.id(), upload.uploadId(), image -> image.status() == ImageStatus.PUBLISHED);
            assertThat(published.variants()).isNotEmpty();
            ImageView fromFirst = first.image(null, gallery.id(), upload.uploadId());
            assertThat(fromFirst.status()).isEqualTo(ImageStatus.PUBLISHED);
            assertThat(fromFirst.blurhash()).isEqualTo(published.blurhash());
            assertThat(first.images(null, gallery.id(), 1, 10).images())
                    .extracting(ImageView::id)
                    .containsExactly(upload.uploadId());

            // one trace across the processes: the request, its command and the append on the api node that took
            // the confirmation; the saga and the job on the back node, each under what caused it
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Trace trace = Trace.of(collector.spans(), "http post /api/uploads/{uploadId}/confirm");
                Trace.Span request = trace.only("http post /api/uploads/{uploadId}/confirm");
                Trace.Span command = trace.only("CommandBus.dispatchCommand(ConfirmUpload)");
                Trace.Span stored = trace.childOf(command, "EventBus.commitEvents");
                Trace.Span saga = trace.only("SagaManager.invokeSaga(ImageProcessingSaga)(UploadConfirmed)");
                Trace.Span job = trace.only("process image: publish");
                assertThat(List.of(request, command, stored))
                        .extracting(Trace.Span::node)
                        .containsOnly("api-2");
                assertThat(List.of(saga, job)).extracting(Trace.Span::node).containsOnly("back");
                assertThat(trace.descends(command, request)).isTrue();
                assertThat(trace.descends(saga, command))
                        .as("the back node's saga, under the api node's command")
                        .isTrue();
                assertThat(trace.descends(job, saga)).isTrue();
            });
        } finally {
            for (JarProcess node : nodes) {
                node.close();
            }
        }
    }

    private static JarProcess start(
            List<JarProcess> nodes,
            String database,
            String run,
            int port,
            String roles,
            List<String> tracing,
            List<String> own)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--vitrine.roles=" + roles,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabases.user(),
                "--spring.datasource.password=" + TestDatabases.password(),
                "--spring.rabbitmq.host=127.0.0.1",
                "--vitrine.processing.queue=cluster-" + run,
                "--spring.data.redis.host=127.0.0.1",
                "--vitrine.cache.key-prefix=cluster-" + run + ":",
                "--vitrine.limits.enabled=false",
                // three nodes beside the other tests' apps: the machine's PostgreSQL takes 100 connections in all
                "--vitrine.r2dbc.pool.max-size=5",
                "--vitrine.admin.username=" + ADMIN,
                "--vitrine.admin.password=" + ADMIN_PASSWORD));
        arguments.addAll(tracing);
        arguments.addAll(own);
        JarProcess node = JarProcess.start(arguments);
        nodes.add(node);
        return node;
    }

    private static WebTestClient.BodyContentSpec projections(int port) {
        return client(port)
                .get()
                .uri("/actuator/projections")
                .headers(headers -> headers.setBasicAuth(ADMIN, ADMIN_PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }
}
