package dev.vitrine.query.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.admin.ReadModelRebuildView;
import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.query.cache.ReadCache;
import dev.vitrine.query.projection.ReadModelProjector;
import dev.vitrine.query.projection.TokenPositions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read model from the event store on request, one rebuild at a time across all nodes, on the node that
 * was asked. Reads keep being answered from the live tables until the swap, which holds them for milliseconds.
 */
@Component
public class ReadModelRebuild implements DisposableBean {

    private final RebuildRecord record;
    private final RebuildRun.Parts parts;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private volatile RebuildRun current;

    @SuppressWarnings("unchecked")
    ReadModelRebuild(
            JdbcTemplate jdbc,
            ObjectMapper json,
            EventStore events,
            EventStorageEngine storage,
            TokenStore tokens,
            TransactionManager axonTransactions,
            PlatformTransactionManager transactions,
            @Qualifier("serializer") Serializer serializer,
            ReadCache cache,
            RebuildSettings settings) {
        this.record = new RebuildRecord(jdbc, json);
        StreamableMessageSource<TrackedEventMessage<?>> source =
                (StreamableMessageSource<TrackedEventMessage<?>>) (StreamableMessageSource<?>) events;
        this.parts = new RebuildRun.Parts(
                jdbc,
                new ShadowTables(jdbc),
                new TokenPositions(jdbc, serializer),
                record,
                new ReadModelComparison(jdbc, json),
                () -> new RebuildProcessor(ShadowTables.NEXT, jdbc, source, tokens, axonTransactions, settings),
                new CatchUp(
                        storage,
                        new ReadModelProjector(jdbc, ShadowTables.NEXT, change -> {}),
                        new TransactionTemplate(transactions)),
                () -> events.createHeadToken() == null
                        ? 0
                        : events.createHeadToken().position().orElse(0),
                new TransactionTemplate(transactions),
                settings,
                () -> cache.clear().block(Duration.ofSeconds(5)));
    }

    /** Starts a rebuild (or, with {@code swap} false, a verification); 409 while one runs anywhere. */
    public ReadModelRebuildView start(boolean swap) {
        if (!record.begin(swap, node)) {
            throw RejectedException.of(
                    ErrorCode.REBUILD_RUNNING,
                    "a rebuild of the read model is running; GET /api/admin/read-model/rebuild shows how far it is");
        }
        RebuildRun run = new RebuildRun(swap, parts);
        current = run;
        runner.submit(run);
        return record.read().orElseThrow();
    }

    public Optional<ReadModelRebuildView> status() {
        return record.read();
    }

    @Override
    public void destroy() {
        RebuildRun run = current;
        if (run != null) {
            run.stop();
        }
        runner.shutdownNow();
    }
}
