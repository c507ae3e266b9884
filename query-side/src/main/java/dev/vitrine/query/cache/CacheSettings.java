package dev.vitrine.query.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The read cache. It is Redis when {@code spring.data.redis.host} (or {@code .url}) is set, in-process otherwise.
 *
 * @param ttl          how long an answer is kept at most (the seed's one minute)
 * @param keyPrefix    what every Redis key of this installation starts with
 * @param localSize    how many bytes of answers this node keeps in memory at most: the whole cache without Redis,
 *                     the answers read lately in front of it
 * @param redisBackoff after a Redis failure, how long reads go straight to PostgreSQL before Redis is tried again
 * @param versionLease with Redis: how long this node answers from a scope's version it read, without asking Redis
 *                     again; every acknowledged write waits this long after invalidating, so that no node still
 *                     answers from a version read before it
 */
@ConfigurationProperties("vitrine.cache")
public record CacheSettings(
        @DefaultValue("1m") Duration ttl,
        @DefaultValue("vitrine:") String keyPrefix,
        @DefaultValue("64MB") DataSize localSize,
        @DefaultValue("1s") Duration redisBackoff,
        @DefaultValue("25ms") Duration versionLease) {

    /**
     * How long a scope's version is kept after it was last set: a scope nobody writes to is forgotten then, so
     * reads of made-up gallery ids leave nothing behind for good. A forgotten version starts again from a random
     * value, which no answer still kept can carry: forgetting it costs one miss, never a stale answer.
     */
    public Duration versionLifetime() {
        Duration tenAnswers = ttl.multipliedBy(10);
        return tenAnswers.compareTo(Duration.ofMinutes(10)) > 0 ? tenAnswers : Duration.ofMinutes(10);
    }
}
