package dev.vitrine.query.rebuild;

import dev.vitrine.query.projection.GallerySequencing;
import dev.vitrine.query.projection.ReadModelProjector;
import dev.vitrine.query.projection.ReadModelTables;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The processor of a rebuild: the live read model's projector, writing to other tables, fed from the start of
 * the event log by a pooled streaming processor (the log is read once and handed to its segments).
 */
final class RebuildProcessor {

    static final String NAME = "read-model-rebuild";

    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;
    private final int segments;

    RebuildProcessor(
            ReadModelTables tables,
            JdbcTemplate jdbc,
            StreamableMessageSource<TrackedEventMessage<?>> events,
            TokenStore tokens,
            TransactionManager transactions,
            RebuildSettings settings) {
        this.segments = settings.segments();
        this.coordinator = Executors.newSingleThreadScheduledExecutor(named("coordinator"));
        this.workers = Executors.newScheduledThreadPool(settings.segments(), named("worker"));
        ReadModelProjector projector = new ReadModelProjector(jdbc, tables, change -> {});
        this.processor = PooledStreamingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(projector)
                        .sequencingPolicy(new GallerySequencing())
                        // an event the live read model parked cannot be applied here either: it is skipped, and
                        // the comparison shows what the two read models then disagree on
                        .listenerInvocationErrorHandler(new LoggingErrorHandler())
                        .build())
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(transactions)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(settings.segments())
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(settings.batchSize())
                .build();
    }

    void start() {
        processor.start();
    }

    /** Stops, with every batch it began committed: its tokens then say exactly what its tables hold. */
    void stop() {
        processor.shutDown();
        coordinator.shutdown();
        workers.shutdown();
    }

    /** Whether every segment is claimed, reached the head of the log once, and is not failing. */
    boolean caughtUp() {
        Collection<EventTrackerStatus> status = processor.processingStatus().values();
        return status.size() == segments && status.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState());
    }

    /** The lowest position of its segments: every event up to it is in the tables. */
    long position() {
        return processor.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(0))
                .min()
                .orElse(0);
    }

    String error() {
        return processor.processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError()))
                .findFirst()
                .orElse(null);
    }

    private static ThreadFactory named(String role) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, NAME + "-" + role + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
