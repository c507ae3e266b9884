package dev.vitrine.query.cache;

/**
 * What a look-up found. {@code stamp} is the scope's version read before the answer is computed: an answer
 * stored under it is unreachable as soon as the scope changes, even if it was computed from older rows. A null
 * stamp means the cache cannot be used now (the answer is computed and not stored).
 */
public record CacheLookup(CacheScope scope, String key, String stamp, CachedAnswer hit) {

    public static CacheLookup unavailable(CacheScope scope, String key) {
        return new CacheLookup(scope, key, null, null);
    }

    public boolean isHit() {
        return hit != null;
    }
}
