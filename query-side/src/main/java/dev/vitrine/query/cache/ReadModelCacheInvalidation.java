package dev.vitrine.query.cache;

import dev.vitrine.query.projection.ReadModelChange;
import dev.vitrine.query.projection.ReadModelListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Drops the cached answers a committed change of the read model makes wrong: those of each gallery it touched,
 * and every list of galleries when a gallery's own row changed. It runs before readers waiting for the change are
 * woken, so the answer to a write is never followed by a cached answer from before it.
 */
@Component
@Order(1)
public class ReadModelCacheInvalidation implements ReadModelListener {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ReadCache cache;

    ReadModelCacheInvalidation(ReadCache cache) {
        this.cache = cache;
    }

    @Override
    public void committed(ReadModelChange change) {
        List<CacheScope> scopes = new ArrayList<>();
        for (UUID gallery : change.galleries()) {
            scopes.add(CacheScope.gallery(gallery));
        }
        if (change.galleryRows()) {
            scopes.add(CacheScope.GALLERIES);
        }
        cache.invalidate(scopes).block(TIMEOUT);
    }

    /**
     * After a write was seen in the read model, before it is acknowledged: another node may have projected it without
     * telling us yet, and every node must have stopped answering from before it.
     */
    public Mono<Void> written(UUID galleryId) {
        return cache.invalidate(List.of(CacheScope.gallery(galleryId), CacheScope.GALLERIES))
                .then(cache.settled());
    }
}
