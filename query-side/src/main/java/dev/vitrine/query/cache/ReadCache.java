package dev.vitrine.query.cache;

import java.time.Duration;
import java.util.Collection;
import reactor.core.publisher.Mono;

/** Answers of the read API, kept for a while and dropped by scope when the read model changes. */
public interface ReadCache {

    Mono<CacheLookup> lookup(CacheScope scope, String key);

    /** Keeps the answer under the look-up's stamp; nothing happens when the look-up had none. */
    Mono<Void> store(CacheLookup lookup, CachedAnswer answer, Duration ttl);

    /** Makes every answer of these scopes unreachable. */
    Mono<Void> invalidate(Collection<CacheScope> scopes);

    /**
     * Completes once no node can answer any more from what it looked up before the invalidations this node has
     * made: a write is acknowledged only then, so no node answers from before it afterwards.
     */
    Mono<Void> settled();

    /** Makes every answer unreachable (after the read model was replaced as a whole). */
    Mono<Void> clear();

    /** What kind of cache this is, for the startup report and health. */
    String describe();
}
