package dev.vitrine.query.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * The read cache of a single node without Redis (Caffeine, bounded in bytes). On several nodes each keeps its own
 * and hears only its own projection's changes: give them Redis.
 */
final class LocalReadCache implements ReadCache {

    private final ConcurrentHashMap<CacheScope, AtomicLong> versions = new ConcurrentHashMap<>();
    private final NearAnswers answers;

    LocalReadCache(long maxBytes) {
        this.answers = new NearAnswers(maxBytes);
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
    public Mono<Void> clear() {
        answers.clear();
        versions.values().forEach(AtomicLong::incrementAndGet);
        return Mono.empty();
    }

    @Override
    public String describe() {
        return "in-process";
    }

    private AtomicLong version(CacheScope scope) {
        return versions.computeIfAbsent(scope, s -> new AtomicLong());
    }

    private static String entryKey(CacheScope scope, String stamp, String key) {
        return scope.name() + ":" + stamp + ":" + key;
    }
}
