package dev.vitrine.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.app.support.TestRedis;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.query.cache.CacheSettings;
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
}
