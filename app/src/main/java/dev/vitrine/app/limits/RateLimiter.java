package dev.vitrine.app.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token buckets in PostgreSQL (Bucket4j), one per key: what a limit counts, per what. Calls are blocking JDBC,
 * made on {@code boundedElastic}. A key's bucket expires once it is full again, and a sweep deletes the expired.
 */
@Component
public class RateLimiter {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final boolean enabled;

    RateLimiter(DataSource dataSource, LimitSettings settings) {
        this.enabled = settings.enabled();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /** Takes one from the key's bucket; if it was empty, how long until one is there again. */
    public Mono<Optional<Duration>> take(String key, Limit limit) {
        if (!enabled) {
            return Mono.just(Optional.empty());
        }
        return Mono.fromCallable(() -> {
                    var probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
                    return probe.isConsumed()
                            ? Optional.<Duration>empty()
                            : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Whether the key's bucket is empty now (how long until it is not), without taking from it. */
    public Mono<Optional<Duration>> exhausted(String key, Limit limit) {
        if (!enabled) {
            return Mono.just(Optional.empty());
        }
        return Mono.fromCallable(() -> {
                    var probe = bucket(key, limit).estimateAbilityToConsume(1);
                    return probe.canBeConsumed()
                            ? Optional.<Duration>empty()
                            : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Deletes buckets full again for a while: nobody's, or forgiven. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void sweep() {
        while (buckets.removeExpired(1000) >= 1000) {
            // more than a batch expired: go on
        }
    }

    private BucketProxy bucket(String key, Limit limit) {
        return buckets.getProxy(
                key,
                () -> BucketConfiguration.builder()
                        .addLimit(
                                bandwidth -> bandwidth.capacity(limit.count()).refillGreedy(limit.count(), limit.per()))
                        .build());
    }
}
