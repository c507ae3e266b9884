package dev.vitrine.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.app.support.TestRedis;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.query.cache.CacheSettings;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The read cache's rules with Redis, as every node of an installation with Redis configured shares it. */
@VitrineIntegrationTest
class ReadCacheIT extends ReadCacheContract {

    @Autowired
    CacheSettings cache;

    @Test
    void the_answers_are_kept_in_redis_under_this_installations_prefix() {
        reads.get(null, galleryUri);
        assertThat(reads.get(null, galleryUri).cache()).isEqualTo("hit");
        assertThat(TestRedis.keys(TestRedis.HOST, TestRedis.PORT, cache.keyPrefix()))
                .anyMatch(key -> key.contains(gallery.id().toString()));
    }

    @Test
    void reads_of_made_up_galleries_leave_no_key_behind_for_good() {
        UUID madeUp = UUID.randomUUID();
        assertThat(reads.get(null, "/api/galleries/" + madeUp).status()).isEqualTo(404);
        String version = cache.keyPrefix() + "v:g:" + madeUp;
        assertThat(TestRedis.keys(TestRedis.HOST, TestRedis.PORT, version)).containsExactly(version);
        assertThat(TestRedis.timeToLive(TestRedis.HOST, TestRedis.PORT, version))
                .as("the made-up gallery's version expires")
                .isPositive()
                .isLessThanOrEqualTo(cache.versionLifetime().toMillis());
    }
}
