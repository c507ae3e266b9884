package dev.vitrine.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;

/**
 * Answers kept in this node's memory under their full key (which names the scope's version, so an invalidated
 * answer is never found again), each for its own time to live, bounded in bytes. Alone it is the cache of a node
 * without Redis; in front of Redis it spares a cached answer's bytes the trip from Redis on every read.
 */
final class NearAnswers {

    private record Entry(CachedAnswer answer, long ttlNanos) {}

    private final Cache<String, Entry> answers;

    NearAnswers(long maxBytes) {
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry entry) ->
                        key.length() + entry.answer().body().length)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    CachedAnswer get(String key) {
        Entry entry = answers.getIfPresent(key);
        return entry == null ? null : entry.answer();
    }

    void put(String key, CachedAnswer answer, Duration ttl) {
        if (!ttl.isNegative() && !ttl.isZero()) {
            answers.put(key, new Entry(answer, ttl.toNanos()));
        }
    }

    void clear() {
        answers.invalidateAll();
    }
}
