package dev.vitrine.query.cache;

import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The read cache in Redis, shared by every node. A look-up is one round trip: a script reads the installation's
 * epoch and the scope's version and the answer stored under both. Invalidating a scope increments its version;
 * a counter found missing (evicted, or Redis restarted empty) starts again from a random value, so answers stored
 * under an old version are never met again. When Redis fails, reads skip it; an invalidation that could not be
 * made is made up for by moving the epoch as soon as Redis answers, which drops every answer at once.
 */
final class RedisReadCache implements ReadCache {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LOOKUP = RedisScript.of("""
            local function current(key, seed)
              local value = redis.call('GET', key)
              if not value then
                redis.call('SET', key, seed)
                value = seed
              end
              return value
            end
            local stamp = current(KEYS[1], ARGV[1]) .. '.' .. current(KEYS[2], ARGV[2])
            return {stamp, redis.call('GET', ARGV[3] .. stamp .. ARGV[4])}
            """, List.class);
    private static final RedisScript<Long> BUMP = RedisScript.of("""
            for i, key in ipairs(KEYS) do
              if redis.call('EXISTS', key) == 0 then
                redis.call('SET', key, ARGV[i])
              end
              redis.call('INCR', key)
            end
            return #KEYS
            """, Long.class);
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(500);

    private final ReactiveRedisTemplate<String, byte[]> redis;
    private final String prefix;
    private final RedisAvailability availability;
    private final Duration backoff;
    private final AtomicBoolean recovering = new AtomicBoolean();

    RedisReadCache(ReactiveRedisTemplate<String, byte[]> redis, CacheSettings settings) {
        this.redis = redis;
        this.prefix = settings.keyPrefix();
        this.availability = new RedisAvailability(settings.redisBackoff());
        this.backoff = settings.redisBackoff();
    }

    @Override
    public Mono<CacheLookup> lookup(CacheScope scope, String key) {
        if (!availability.usable() || recovering.get()) {
            return Mono.just(CacheLookup.unavailable(scope, key));
        }
        return redis.execute(LOOKUP, List.of(epochKey(), versionKey(scope)),
                        List.of(seed(), seed(), bytes(prefix + "a:"), bytes(":" + scope.name() + ":" + key)))
                .next()
                .timeout(CALL_TIMEOUT)
                .map(reply -> {
                    availability.answered();
                    byte[] stored = reply.size() > 1 ? (byte[]) reply.get(1) : null;
                    return new CacheLookup(scope, key, new String((byte[]) reply.get(0), StandardCharsets.UTF_8),
                            stored == null ? null : CachedAnswer.decode(stored));
                })
                .onErrorResume(failure -> {
                    availability.failed(failure);
                    return Mono.just(CacheLookup.unavailable(scope, key));
                });
    }

    @Override
    public Mono<Void> store(CacheLookup lookup, CachedAnswer answer, Duration ttl) {
        if (lookup.stamp() == null) {
            return Mono.empty();
        }
        String key = prefix + "a:" + lookup.stamp() + ":" + lookup.scope().name() + ":" + lookup.key();
        return redis.opsForValue().set(key, answer.encode(), ttl)
                .timeout(CALL_TIMEOUT)
                .then()
                .onErrorResume(failure -> {
                    availability.failed(failure);
                    return Mono.empty();
                });
    }

    @Override
    public Mono<Void> invalidate(Collection<CacheScope> scopes) {
        if (scopes.isEmpty()) {
            return Mono.empty();
        }
        List<String> keys = scopes.stream().map(this::versionKey).toList();
        return bump(keys).onErrorResume(failure -> {
            availability.failed(failure);
            recoverLater();
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> clear() {
        return bump(List.of(epochKey())).onErrorResume(failure -> {
            availability.failed(failure);
            recoverLater();
            return Mono.empty();
        });
    }

    @Override
    public String describe() {
        return "Redis";
    }

    /** Until the epoch has moved, answers stored before the missed invalidation could still be met: skip Redis. */
    private void recoverLater() {
        if (recovering.compareAndSet(false, true)) {
            bump(List.of(epochKey()))
                    .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, backoff))
                    .doOnSuccess(done -> {
                        recovering.set(false);
                        availability.answered();
                    })
                    .subscribe();
        }
    }

    private Mono<Void> bump(List<String> keys) {
        return redis.execute(BUMP, keys, keys.stream().map(key -> seed()).toList())
                .next()
                .timeout(CALL_TIMEOUT)
                .then();
    }

    private String epochKey() {
        return prefix + "epoch";
    }

    private String versionKey(CacheScope scope) {
        return prefix + "v:" + scope.name();
    }

    private static byte[] seed() {
        return bytes(Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
