package dev.vitrine.app.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.AppNode;
import dev.vitrine.app.support.Reads;
import dev.vitrine.app.support.Reads.Read;
import dev.vitrine.app.support.RedisServer;
import dev.vitrine.app.support.TestDatabases;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Redis going away costs speed, never answers: reads go to PostgreSQL, then back to Redis once it returns. */
class RedisOutageIT {

    static RedisServer redis;
    static AppNode app;

    Api api;
    Reads reads;
    Api.User owner;
    String galleryUri;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        app = AppNode.start(
                "redis-outage",
                TestDatabases.create(),
                "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + redis.port(),
                "vitrine.cache.redis-backoff=200ms");
    }

    @AfterAll
    static void stop() {
        app.close();
        redis.close();
    }

    @BeforeEach
    void setUp() {
        api = app.api();
        reads = new Reads(app.http());
        owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Before the outage", Visibility.PUBLIC);
        galleryUri = "/api/galleries/" + gallery.id();
    }

    @Test
    void with_redis_stopped_reads_answer_from_postgresql_and_use_redis_again_when_it_is_back() throws Exception {
        reads.get(null, galleryUri);
        assertThat(reads.get(null, galleryUri).cache()).isEqualTo("hit");

        redis.stop();
        // answers from the version this node read within its lease (vitrine.cache.version-lease), then without
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "bypass".equals(reads.get(null, galleryUri).cache()));
        Read during = reads.get(null, galleryUri);
        assertThat(during.status()).isEqualTo(200);
        assertThat(during.cache()).isEqualTo("bypass");
        rename("Written while Redis was away");
        assertThat(reads.get(null, galleryUri).body()).contains("Written while Redis was away");

        redis.restart();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "hit".equals(reads.get(null, galleryUri).cache()));
        assertThat(reads.get(null, galleryUri).body()).contains("Written while Redis was away");
    }

    @Test
    void a_write_redis_did_not_hear_of_is_never_hidden_by_an_answer_cached_before_it() throws Exception {
        reads.get(null, galleryUri);
        assertThat(reads.get(null, galleryUri).cache()).isEqualTo("hit");

        // Redis goes away keeping its data, so the answer cached above comes back with it
        redis.stopSavingData();
        rename("Renamed while Redis was away");
        redis.restart();

        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            assertThat(reads.get(null, galleryUri).body()).contains("Renamed while Redis was away");
            Thread.sleep(50);
        }
        assertThat(reads.get(null, galleryUri).cache()).isEqualTo("hit");
    }

    private void rename(String name) {
        app.http()
                .patch()
                .uri(galleryUri)
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
