package dev.vitrine.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.AppNode;
import dev.vitrine.app.support.TestDatabases;
import dev.vitrine.app.support.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two nodes sharing one Redis cache, each answering from the scope versions it read lately: while one node reads a
 * gallery without pause, the other renames it again and again, and no read begun after a rename was acknowledged
 * answers with an older name.
 */
class TwoNodeCacheIT {

    static final int WRITES = 12;

    /** One read on b: when it began, and the number of the name it answered. */
    record Read(long beganNanos, int name) {}

    @Test
    void after_an_acknowledged_write_on_one_node_the_other_never_answers_from_before_it() throws Exception {
        String prefix = "vitrine-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        String database = TestDatabases.create();
        String[] redis = {
            "spring.data.redis.host=" + TestRedis.HOST,
            "spring.data.redis.port=" + TestRedis.PORT,
            "vitrine.cache.key-prefix=" + prefix,
            // longer than a write takes to be acknowledged, so that b would still hold the old version then
            "vitrine.cache.version-lease=300ms",
            "spring.datasource.hikari.maximum-pool-size=5",
            "vitrine.r2dbc.pool.max-size=5"
        };
        try (AppNode a = AppNode.start("cache-a", database, redis);
                AppNode b = AppNode.start("cache-b", database, redis);
                ExecutorService reader = Executors.newSingleThreadExecutor()) {
            Api.User owner = a.api().register();
            GalleryView gallery = a.api().createGallery(owner, "Name 0", Visibility.PUBLIC);
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<List<Read>> reads = reader.submit(() -> {
                List<Read> seen = new ArrayList<>();
                while (writing.get()) {
                    long began = System.nanoTime();
                    String name = b.api().gallery(null, gallery.id()).name();
                    seen.add(new Read(began, Integer.parseInt(name.substring("Name ".length()))));
                }
                return seen;
            });
            long[] acknowledged = new long[WRITES + 1];
            for (int i = 1; i <= WRITES; i++) {
                a.api().patchGallery(owner, gallery.id(), Map.of("name", "Name " + i));
                acknowledged[i] = System.nanoTime();
                Thread.sleep(i % 4 * 70); // writes land at every point of b's leases
            }
            writing.set(false);

            List<Read> seen = reads.get();
            assertThat(seen).hasSizeGreaterThan(WRITES);
            for (Read read : seen) {
                int newestAcknowledged = 0;
                for (int i = 1; i <= WRITES; i++) {
                    if (acknowledged[i] - read.beganNanos() < 0) {
                        newestAcknowledged = i;
                    }
                }
                assertThat(read.name())
                        .as("a read on b begun after write %d was acknowledged on a", newestAcknowledged)
                        .isGreaterThanOrEqualTo(newestAcknowledged);
            }
        } finally {
            TestRedis.deleteKeys(TestRedis.HOST, TestRedis.PORT, prefix);
        }
    }
}
