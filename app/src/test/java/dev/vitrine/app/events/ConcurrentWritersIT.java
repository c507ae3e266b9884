package dev.vitrine.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Writers in parallel commit their events out of index order (an index is taken before the commit): the event
 * log must still hold every stored event once, under its own index.
 */
@VitrineIntegrationTest
class ConcurrentWritersIT {

    static final int WRITERS = 8;
    static final int RENAMES = 30;

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_event_of_concurrent_writers_is_logged_once_under_its_own_index() throws Exception {
        Api api = new Api(http);
        Api.User owner = api.register();
        List<GalleryView> galleries = IntStream.range(0, WRITERS)
                .mapToObj(i -> api.createGallery(owner, "Busy " + i, Visibility.PUBLIC))
                .toList();

        try (var writers = Executors.newFixedThreadPool(WRITERS)) {
            for (GalleryView gallery : galleries) {
                writers.submit(() -> IntStream.rangeClosed(1, RENAMES)
                        .forEach(
                                n -> api.patchGallery(owner, gallery.id(), Map.of("name", gallery.name() + " #" + n))));
            }
        }

        String[] ids =
                galleries.stream().map(gallery -> gallery.id().toString()).toArray(String[]::new);
        assertThat(stored(ids)).isEqualTo(WRITERS * (RENAMES + 1L));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(logged(ids)).isEqualTo(stored(ids)));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry d JOIN event_log l ON l.event_id = d.eventidentifier
                WHERE d.aggregateidentifier = ANY (?) AND l.global_index <> d.globalindex""", Long.class, (Object) ids)).isZero();
    }

    private long stored(String[] galleries) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ANY (?)", Long.class, (Object)
                        galleries);
    }

    private long logged(String[] galleries) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_log WHERE aggregate_id = ANY (?)", Long.class, (Object) galleries);
    }
}
