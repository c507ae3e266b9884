package dev.vitrine.query.rebuild;

import dev.vitrine.api.admin.RebuildState;
import dev.vitrine.query.projection.ReadModelProcessor;
import dev.vitrine.query.projection.ReadModelTables;
import dev.vitrine.query.projection.TokenPositions;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One rebuild: replay the whole event log into fresh tables while the live ones keep serving, report progress,
 * compare the result with the live read model once it has caught up, then swap the tables (or, for a
 * verification, drop the fresh ones).
 */
final class RebuildRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final boolean swap;
    private final Parts parts;
    private volatile boolean stopped;

    /** What a run works with. */
    record Parts(
            JdbcTemplate jdbc,
            ShadowTables tables,
            TokenPositions tokens,
            RebuildRecord record,
            ReadModelComparison comparison,
            Supplier<RebuildProcessor> processor,
            CatchUp catchUp,
            LongSupplier head,
            TransactionTemplate transactions,
            RebuildSettings settings,
            Runnable swapped) {}

    RebuildRun(boolean swap, Parts parts) {
        this.swap = swap;
        this.parts = parts;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        RebuildProcessor processor = null;
        try {
            parts.tokens().delete(RebuildProcessor.NAME);
            parts.tables().create(ShadowTables.NEXT);
            processor = parts.processor().get();
            processor.start();
            replay(processor);
            processor.stop();
            processor = null;
            List<TrackingToken> tokens = parts.tokens().tokens(RebuildProcessor.NAME);
            TrackingToken reached = parts.catchUp().from(tokens.isEmpty() ? null : tokens.getFirst());
            parts.record().state(RebuildState.COMPARING);
            compare(reached == null ? 0 : reached.position().orElse(0));
            if (swap) {
                parts.record().state(RebuildState.SWAPPING);
                swap(reached);
                parts.swapped().run();
                parts.record()
                        .finish(
                                RebuildState.FINISHED,
                                "the rebuilt read model is live; the replaced tables are kept as *_previous");
            } else {
                parts.tables().drop(ShadowTables.NEXT);
                parts.record()
                        .finish(RebuildState.FINISHED, "verification only: the live read model was left as it is");
            }
            log.info("Read model {} finished", swap ? "rebuild" : "verification");
        } catch (RuntimeException | InterruptedException e) {
            log.error("Read model rebuild failed", e);
            parts.record().finish(RebuildState.FAILED, e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            if (processor != null) {
                processor.stop();
            }
            parts.tokens().delete(RebuildProcessor.NAME);
        }
    }

    private void replay(RebuildProcessor processor) throws InterruptedException {
        long started = System.nanoTime();
        long lastDone = 0;
        long lastTime = started;
        double recentRate = 0;
        while (!processor.caughtUp()) {
            checkStopped();
            Thread.sleep(TICK.toMillis());
            long now = System.nanoTime();
            long done = processor.position();
            long total = Math.max(parts.head().getAsLong(), done);
            double seconds = (now - lastTime) / 1e9;
            recentRate = seconds > 0 ? 0.7 * recentRate + 0.3 * ((done - lastDone) / seconds) : recentRate;
            lastDone = done;
            lastTime = now;
            Long eta = recentRate > 1 ? Math.round((total - done) / recentRate) : null;
            double overall = done / Math.max(1e-9, (now - started) / 1e9);
            parts.record().progress(RebuildState.REPLAYING, total, done, overall, eta);
            if (processor.error() != null) {
                log.warn("Read model rebuild retries after: {}", processor.error());
            }
        }
        long total = parts.head().getAsLong();
        parts.record()
                .progress(
                        RebuildState.REPLAYING,
                        total,
                        processor.position(),
                        processor.position() / Math.max(1e-9, (System.nanoTime() - started) / 1e9),
                        0L);
    }

    private void compare(long rebuilt) {
        TransactionTemplate snapshot =
                new TransactionTemplate(parts.transactions().getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        ReadModelComparison.Result result = snapshot.execute(status -> {
            long upTo = Math.min(lowest(ReadModelProcessor.NAME), rebuilt);
            return parts.comparison().compare(ReadModelTables.LIVE, ShadowTables.NEXT, upTo);
        });
        parts.record().compared(result.comparedRows(), result.differenceCount(), result.differences());
        if (result.differenceCount() > 0) {
            log.warn("The rebuilt read model differs from the live one in {} rows", result.differenceCount());
        }
    }

    /**
     * With the live tables locked (the live processor cannot commit), the rebuilt tables take the events that came
     * since the catch-up, then take the live tables' names. A swap that cannot get the lock in time is tried again.
     */
    private void swap(TrackingToken reached) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            checkStopped();
            try {
                parts.transactions().executeWithoutResult(status -> {
                    parts.jdbc()
                            .execute("SET LOCAL lock_timeout = '"
                                    + parts.settings().lockTimeout().toMillis() + "ms'");
                    parts.jdbc()
                            .execute("LOCK TABLE " + String.join(", ", ReadModelTables.LIVE.all())
                                    + " IN ACCESS EXCLUSIVE MODE");
                    parts.catchUp().from(reached);
                    parts.tables().swap();
                });
                return;
            } catch (DataAccessException busy) {
                if (attempt >= parts.settings().swapAttempts()) {
                    throw busy;
                }
                log.info("Swap attempt {} could not lock the live tables in time; trying again", attempt);
                Thread.sleep(TICK.toMillis());
            }
        }
    }

    private long lowest(String processor) {
        List<Long> positions = parts.tokens().of(processor);
        return positions.isEmpty() ? 0 : Collections.min(positions);
    }

    private void checkStopped() {
        if (stopped) {
            throw new IllegalStateException("stopped: the node is shutting down");
        }
    }
}
