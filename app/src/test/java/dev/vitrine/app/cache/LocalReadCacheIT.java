package dev.vitrine.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.app.support.TestDatabaseInitializer;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.app.support.WithoutRedis;
import dev.vitrine.query.cache.ReadCache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

/** The read cache's rules with no Redis configured: the in-process cache keeps them on a single node. */
@VitrineIntegrationTest
@ContextConfiguration(initializers = {TestDatabaseInitializer.class, WithoutRedis.class})
class LocalReadCacheIT extends ReadCacheContract {

    @Autowired
    ReadCache cache;

    @Test
    void with_no_redis_configured_the_cache_is_in_process() {
        assertThat(cache.describe()).isEqualTo("in-process");
    }
}
