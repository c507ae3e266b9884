package dev.vitrine.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read cache of a single node without Redis (Caffeine, bounded in bytes). On several nodes each keeps its own
 * and hears only its own projection's changes: give them Redis.
 */
final class LocalReadCache implements ReadCache {

    private record Entry(CachedAnswer answer, Duration ttl) {
    }

    private final ConcurrentHashMap<CacheScope, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Cache<String, Entry> answers;

    LocalReadCache(long maxBytes) {
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry entry) -> key.length() + entry.answer().body().length)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return entry.ttl().toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                        return entry.ttl().toNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public Mono<CacheLookup> lookup(CacheScope scope, String key) {
        String stamp = Long.toString(version(scope).get());
        Entry entry = answers.getIfPresent(entryKey(scope, stamp, key));
        return Mono.just(new CacheLookup(scope, key, stamp, entry == null ? null : entry.answer()));
    }

    @Override
    public Mono<Void> store(CacheLookup lookup, CachedAnswer answer, Duration ttl) {
        if (lookup.stamp() != null) {
            answers.put(entryKey(lookup.scope(), lookup.stamp(), lookup.key()), new Entry(answer, ttl));
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
        answers.invalidateAll();
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
