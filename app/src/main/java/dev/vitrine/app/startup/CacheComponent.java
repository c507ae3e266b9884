package dev.vitrine.app.startup;

import dev.vitrine.query.cache.ReadCache;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.stereotype.Component;

/** The read cache's line in the startup report: Redis when one was configured, in-process otherwise. */
@Component
class CacheComponent implements RuntimeComponent {

    private final ReadCache cache;
    private final RedisProperties redis;

    CacheComponent(ReadCache cache, ObjectProvider<RedisProperties> redis) {
        this.cache = cache;
        this.redis = redis.getIfAvailable();
    }

    @Override
    public String role() {
        return "Read cache (Redis)";
    }

    @Override
    public boolean embedded() {
        return !"Redis".equals(cache.describe());
    }

    @Override
    public String location() {
        if (embedded() || redis == null) {
            return cache.describe();
        }
        if (redis.getUrl() != null && !redis.getUrl().isBlank()) {
            URI url = URI.create(redis.getUrl());
            // the URL may carry a password: show only where it points
            return url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
        }
        return "redis://" + redis.getHost() + ":" + redis.getPort() + "/" + redis.getDatabase();
    }
}
