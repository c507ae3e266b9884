package dev.vitrine.query.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The read cache in Redis, shared by every node, with the answers this node read lately also kept in its memory.
 * A look-up needs the installation's epoch and the scope's version (its stamp): this node asks Redis for them (one
 * round trip) and answers from what it was told for a short lease ({@code versionLease}); an answer stored under the
 * stamp is then taken from memory, or fetched from Redis once. A write is acknowledged only once the lease of every
 * stamp read before its invalidation has run out ({@link #settled}), on whichever node it was read: leases are
 * measured from before the question was sent, so no node answers from before an acknowledged write. An answer's key names the version, so an
 * answer kept in memory is never found again once its scope was invalidated, on whichever node. Invalidating a scope increments its version;
 * a counter found missing (evicted, or Redis restarted empty) starts again from a random value, so answers stored
 * under an old version are never met again. When Redis fails, reads skip it; an invalidation that could not be
 * made is made up for by moving the epoch as soon as Redis answers, which drops every answer at once.
 */
final class RedisReadCache implements ReadCache {

    /** The epoch is one key for good; a scope's version lives {@code ARGV[3]} ms after it was last set. */
    private static final RedisScript<byte[]> LOOKUP = RedisScript.of("""
            local epoch = redis.call('GET', KEYS[1])
            if not epoch then
              redis.call('SET', KEYS[1], ARGV[1])
              epoch = ARGV[1]
            end
            local version = redis.call('GET', KEYS[2])
            if not version then
              redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
              version = ARGV[2]
            end
            return epoch .. '.' .. version
            """, byte[].class);
    /** The answer and how long Redis keeps it still (ms), so that memory keeps it no longer. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> FETCH = RedisScript.of("""
            local answer = redis.call('GET', KEYS[1])
            if not answer then return {} end
            return {answer, redis.call('PTTL', KEYS[1])}
            """, List.class);

    /** Moves each key on; {@code ARGV[n+1]}: how long they live after (ms), 0 for the epoch (for good). */
    private static final RedisScript<Long> BUMP = RedisScript.of("""
            local lifetime = tonumber(ARGV[#KEYS + 1])
            for i, key in ipairs(KEYS) do
              if redis.call('EXISTS', key) == 0 then
                redis.call('SET', key, ARGV[i])
              end
              redis.call('INCR', key)
              if lifetime > 0 then
                redis.call('PEXPIRE', key, lifetime)
              end
            end
            return #KEYS
            """, Long.class);

    private static final Duration CALL_TIMEOUT = Duration.ofMillis(500);
    private static final int MAX_LEASES = 100_000;
    private static final byte[] FOR_GOOD = {'0'};

    private final ReactiveRedisTemplate<String, byte[]> redis;
    private final String prefix;
    private final RedisAvailability availability;
    private final Duration backoff;
    private final AtomicBoolean recovering = new AtomicBoolean();
    private final NearAnswers near;
    private final byte[] versionLifetime;
    /** Stamps this node read, by version key, each until its lease ends. */
    private final Map<String, Leased> stamps = new ConcurrentHashMap<>();

    private final Duration lease;

    private record Leased(String stamp, long untilNanos) {}

    RedisReadCache(ReactiveRedisTemplate<String, byte[]> redis, CacheSettings settings) {
        this.redis = redis;
        this.versionLifetime = bytes(Long.toString(settings.versionLifetime().toMillis()));
        this.near = new NearAnswers(settings.localSize().toBytes());
        this.prefix = settings.keyPrefix();
        this.availability = new RedisAvailability(settings.redisBackoff());
        this.backoff = settings.redisBackoff();
        this.lease = settings.versionLease();
    }

    @Override
    public Mono<CacheLookup> lookup(CacheScope scope, String key) {
        if (!availability.usable() || recovering.get()) {
            return Mono.just(CacheLookup.unavailable(scope, key));
        }
        return stamp(scope)
                .flatMap(stamp -> {
                    availability.answered();
                    String answerKey = answerKey(stamp, scope, key);
                    CachedAnswer kept = near.get(answerKey);
                    return kept != null
                            ? Mono.just(new CacheLookup(scope, key, stamp, kept))
                            : fetch(answerKey)
                                    .map(answer -> new CacheLookup(scope, key, stamp, answer))
                                    .defaultIfEmpty(new CacheLookup(scope, key, stamp, null));
                })
                .onErrorResume(failure -> {
                    availability.failed(failure);
                    return Mono.just(CacheLookup.unavailable(scope, key));
                });
    }

    /**
     * The epoch and the scope's version, read with a plain MGET (Redis answers it without starting its Lua
     * interpreter); a counter found missing is set by the script, which then answers the stamp. Lettuce's own
     * command timeout bounds both.
     */
    private Mono<String> stamp(CacheScope scope) {
        String versionKey = versionKey(scope);
        long asked = System.nanoTime();
        Leased leased = stamps.get(versionKey);
        if (leased != null && asked - leased.untilNanos() < 0) {
            return Mono.just(leased.stamp());
        }
        return askStamp(versionKey).doOnNext(stamp -> {
            if (stamps.size() >= MAX_LEASES) {
                stamps.clear(); // made-up gallery ids must not grow it without end; a clear costs one round trip each
            }
            stamps.put(versionKey, new Leased(stamp, asked + lease.toNanos()));
        });
    }

    private Mono<String> askStamp(String versionKey) {
        List<String> keys = List.of(epochKey(), versionKey);
        return redis.opsForValue()
                .multiGet(keys)
                .flatMap(values -> values.size() == 2 && values.get(0) != null && values.get(1) != null
                        ? Mono.just(text(values.get(0)) + "." + text(values.get(1)))
                        : redis.execute(LOOKUP, keys, List.of(seed(), seed(), versionLifetime))
                                .next()
                                .map(RedisReadCache::text));
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** An answer this node does not hold, from Redis, kept in memory for as long as Redis keeps it. */
    private Mono<CachedAnswer> fetch(String answerKey) {
        return redis.execute(FETCH, List.of(answerKey), List.of())
                .next()
                .timeout(CALL_TIMEOUT)
                .filter(reply -> reply.size() == 2)
                .map(reply -> {
                    CachedAnswer answer = CachedAnswer.decode((byte[]) reply.get(0));
                    near.put(answerKey, answer, Duration.ofMillis((Long) reply.get(1)));
                    return answer;
                });
    }

    private String answerKey(String stamp, CacheScope scope, String key) {
        return prefix + "a:" + stamp + ":" + scope.name() + ":" + key;
    }

    @Override
    public Mono<Void> store(CacheLookup lookup, CachedAnswer answer, Duration ttl) {
        if (lookup.stamp() == null) {
            return Mono.empty();
        }
        String key = answerKey(lookup.stamp(), lookup.scope(), lookup.key());
        near.put(key, answer, ttl);
        return redis.opsForValue()
                .set(key, answer.encode(), ttl)
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
        keys.forEach(stamps::remove);
        return bump(keys, versionLifetime).onErrorResume(failure -> {
            availability.failed(failure);
            recoverLater();
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> settled() {
        return Mono.delay(lease).then();
    }

    @Override
    public Mono<Void> clear() {
        near.clear();
        stamps.clear();
        return bump(List.of(epochKey()), FOR_GOOD)
                .onErrorResume(failure -> {
                    availability.failed(failure);
                    recoverLater();
                    return Mono.empty();
                })
                .then(settled());
    }

    @Override
    public String describe() {
        return "Redis";
    }

    /** Until the epoch has moved, answers stored before the missed invalidation could still be met: skip Redis. */
    private void recoverLater() {
        if (recovering.compareAndSet(false, true)) {
            bump(List.of(epochKey()), FOR_GOOD)
                    .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, backoff))
                    .doOnSuccess(done -> {
                        stamps.clear();
                        recovering.set(false);
                        availability.answered();
                    })
                    .subscribe();
        }
    }

    private Mono<Void> bump(List<String> keys, byte[] lifetime) {
        List<byte[]> arguments =
                new ArrayList<>(keys.stream().map(key -> seed()).toList());
        arguments.add(lifetime);
        return redis.execute(BUMP, keys, arguments).next().timeout(CALL_TIMEOUT).then();
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
