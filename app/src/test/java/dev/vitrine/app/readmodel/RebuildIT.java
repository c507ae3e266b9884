package dev.vitrine.app.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.admin.ReadModelRebuildView;
import dev.vitrine.api.admin.RebuildState;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.admin.ReadModelCommand;
import dev.vitrine.app.seed.SeedPlan;
import dev.vitrine.app.seed.SeedResult;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.AppNode;
import dev.vitrine.app.support.SeededDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model is rebuilt from the event store while readers keep reading: every read is answered, the rebuilt
 * read model replaces the live one, and verifying it afterwards finds no difference.
 */
class RebuildIT {

    static final String ADMIN = "rebuild-admin";
    static final String ADMIN_PASSWORD = "rebuild-admin-password";

    static final int GALLERIES = 40;
    static final int IMAGES = 6_000;

    static SeededDatabase database;
    static AppNode app;
    static Api api;
    static Api.User admin;
    static List<SeedResult.SeededGallery> publicGalleries;

    @BeforeAll
    static void seedAndStart() {
        database = SeededDatabase.seed(new SeedPlan(GALLERIES, IMAGES, 11));
        app = AppNode.start(
                "rebuild",
                database.url(),
                "vitrine.admin.username=" + ADMIN,
                "vitrine.admin.password=" + ADMIN_PASSWORD);
        api = app.api();
        admin = new Api.User(ADMIN, ADMIN_PASSWORD, null);
        publicGalleries = database.seeded().galleries().stream()
                .filter(g -> g.visibility() == Visibility.PUBLIC && g.images() > 0)
                .toList();
        SeedResult.SeededGallery largest = database.seeded().largest();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.gallery(database.owner(largest), largest.id()).imageCount() == largest.images());
        await().atMost(Duration.ofMinutes(2)).until(() -> lag("read-model") == 0);
    }

    @AfterAll
    static void stop() {
        app.close();
        database.close();
    }

    @Test
    void a_rebuild_under_read_load_keeps_answering_replaces_the_read_model_and_verifies_without_differences()
            throws Exception {
        SeedResult.SeededGallery largest = database.seeded().largest();
        String deepPage = "/api/galleries/" + largest.id() + "/images?page=20&limit=50";
        ImagePage before = api.get(null, deepPage)
                .expectBody(ImagePage.class)
                .returnResult()
                .getResponseBody();

        Readers readers = Readers.start(app.port(), publicGalleries, 2);
        ReadModelRebuildView started = api.http()
                .post()
                .uri("/api/admin/read-model/rebuild")
                .headers(admin::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("swap", true))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(ReadModelRebuildView.class)
                .returnResult()
                .getResponseBody();
        assertThat(started.state()).isEqualTo(RebuildState.REPLAYING);
        api.http()
                .post()
                .uri("/api/admin/read-model/rebuild")
                .headers(admin::sign)
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        ReadModelRebuildView done = awaitRebuild();
        readers.stop();

        assertThat(done.state()).as(done.message()).isEqualTo(RebuildState.FINISHED);
        assertThat(done.eventsDone())
                .isEqualTo(done.eventsTotal())
                .isGreaterThanOrEqualTo(database.seeded().events());
        assertThat(done.differenceCount()).isZero();
        assertThat(done.comparedRows()).isGreaterThanOrEqualTo(GALLERIES + IMAGES);
        assertThat(readers.failures)
                .as("every read during the rebuild was answered")
                .isEmpty();
        assertThat(readers.answered.get()).isGreaterThan(20);

        ImagePage after = api.get(null, deepPage)
                .expectBody(ImagePage.class)
                .returnResult()
                .getResponseBody();
        assertThat(after.images())
                .extracting(ImageView::id)
                .containsExactlyElementsOf(
                        before.images().stream().map(ImageView::id).toList());
        assertThat(new JdbcTemplate(database.dataSource())
                        .queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'image_view'", String.class))
                .contains("image_view_pkey", "image_view_seen_by_position", "image_view_published_by_position");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = ReadModelCommand.run(
                new String[] {
                    "verify", "--url=http://localhost:" + app.port(), "--user=" + ADMIN, "--password=" + ADMIN_PASSWORD
                },
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("0 differences").contains("verification only");
    }

    @Test
    void the_actuator_shows_each_processors_lag_to_administrators_only() {
        api.get(null, "/actuator/projections").expectStatus().isUnauthorized();
        String projections = api.get(admin, "/actuator/projections")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(projections)
                .contains("\"read-model\"")
                .contains("\"lag\":0")
                .contains("\"parkedSequences\":0")
                .contains("\"ImageProcessingSagaProcessor\"");
        assertThat(api.get(admin, "/actuator/metrics/vitrine.processor.lag?tag=processor:read-model")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("\"value\":0.0");
    }

    private static ReadModelRebuildView awaitRebuild() {
        AtomicLong polls = new AtomicLong();
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            polls.incrementAndGet();
                            return api.get(admin, "/api/admin/read-model/rebuild")
                                    .expectStatus()
                                    .isOk()
                                    .expectBody(ReadModelRebuildView.class)
                                    .returnResult()
                                    .getResponseBody();
                        },
                        status -> !status.running());
    }

    static long lag(String processor) {
        String body = api.get(admin, "/actuator/metrics/vitrine.processor.lag?tag=processor:" + processor)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return body != null && body.contains("\"value\":0.0") ? 0 : 1;
    }

    /** Anonymous readers paging through public galleries as fast as they can. */
    static final class Readers {

        final Map<String, Integer> failures = new ConcurrentHashMap<>();
        final AtomicLong answered = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads;

        private Readers(int port, List<SeedResult.SeededGallery> galleries, int count) {
            HttpClient http = HttpClient.newHttpClient();
            threads = IntStream.range(0, count)
                    .mapToObj(i -> Thread.ofPlatform().start(() -> {
                        while (running.get()) {
                            SeedResult.SeededGallery gallery =
                                    galleries.get(ThreadLocalRandom.current().nextInt(galleries.size()));
                            int pages = Math.max(1, gallery.images() / 20);
                            String uri = "http://localhost:" + port + "/api/galleries/" + gallery.id()
                                    + "/images?limit=20&page="
                                    + (1 + ThreadLocalRandom.current().nextInt(pages));
                            try {
                                int status = http.send(
                                                HttpRequest.newBuilder(URI.create(uri))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode();
                                if (status != 200) {
                                    failures.put(uri, status);
                                }
                                answered.incrementAndGet();
                            } catch (Exception e) {
                                failures.put(uri, -1);
                            }
                        }
                    }))
                    .toList();
        }

        static Readers start(int port, List<SeedResult.SeededGallery> galleries, int count) {
            return new Readers(port, galleries, count);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
