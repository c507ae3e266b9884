package dev.vitrine.query.cache;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis is worth asking now. After a failure reads go straight to PostgreSQL for a while instead of
 * waiting on a dead connection; the outage and the recovery are logged once each.
 */
final class RedisAvailability {

    private static final Logger log = LoggerFactory.getLogger(RedisAvailability.class);

    private final long backoffNanos;
    private volatile long retryAt;
    private volatile boolean down;

    RedisAvailability(Duration backoff) {
        this.backoffNanos = backoff.toNanos();
    }

    boolean usable() {
        return !down || System.nanoTime() - retryAt >= 0;
    }

    void failed(Throwable failure) {
        retryAt = System.nanoTime() + backoffNanos;
        if (!down) {
            down = true;
            log.warn("Redis is unavailable ({}); reads go to PostgreSQL until it answers again", failure.toString());
        }
    }

    void answered() {
        if (down) {
            down = false;
            log.info("Redis answers again; reads use the cache");
        }
    }
}
