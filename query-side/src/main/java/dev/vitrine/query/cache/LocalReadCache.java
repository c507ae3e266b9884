package dev.vitrine.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * The read cache of a single node without Redis (Caffeine, bounded in bytes). On several nodes each keeps its own
 * and hears only its own projection's changes: give them Redis.
 */
final class LocalReadCache implements ReadCache {

    /** At most this many scope versions are kept (a gallery read or written lately each). */
    static final long MAX_SCOPES = 1_000_000;

    private final Cache<CacheScope, AtomicLong> versions;
    private final NearAnswers answers;

    LocalReadCache(long maxBytes, Duration versionLifetime) {
        this(maxBytes, versionLifetime, Ticker.systemTicker());
    }

    LocalReadCache(long maxBytes, Duration versionLifetime, Ticker ticker) {
        this.answers = new NearAnswers(maxBytes);
        this.versions = Caffeine.newBuilder()
                .maximumSize(MAX_SCOPES)
                .expireAfterAccess(versionLifetime)
                .ticker(ticker)
                .build();
    }

    @Override
    public Mono<CacheLookup> lookup(CacheScope scope, String key) {
        String stamp = Long.toString(version(scope).get());
        return Mono.just(new CacheLookup(scope, key, stamp, answers.get(entryKey(scope, stamp, key))));
    }

    @Override
    public Mono<Void> store(CacheLookup lookup, CachedAnswer answer, Duration ttl) {
        if (lookup.stamp() != null) {
            answers.put(entryKey(lookup.scope(), lookup.stamp(), lookup.key()), answer, ttl);
        }
        return Mono.empty();
    }

    @Override
    public Mono<Void> invalidate(Collection<CacheScope> scopes) {
        scopes.forEach(scope -> version(scope).incrementAndGet());
        return Mono.empty();
    }

    @Override
    public Mono<Void> settled() {
        return Mono.empty(); // one node, and its invalidations are done when they complete
    }

    @Override
    public Mono<Void> clear() {
        answers.clear();
        versions.asMap().values().forEach(AtomicLong::incrementAndGet);
        return Mono.empty();
    }

    @Override
    public String describe() {
        return "in-process";
    }

    /** A version not kept (never, or forgotten) starts from a random value: see {@link CacheSettings#versionLifetime}. */
    private AtomicLong version(CacheScope scope) {
        return versions.get(
                scope, s -> new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50)));
    }

    /** How many scope versions are kept now (for tests of the bound). */
    long scopesKept() {
        versions.cleanUp();
        return versions.estimatedSize();
    }

    private static String entryKey(CacheScope scope, String stamp, String key) {
        return scope.name() + ":" + stamp + ":" + key;
    }
}
