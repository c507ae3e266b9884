package dev.vitrine.processing.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The queue's depth as metrics: {@code vitrine.processing.queue.waiting} by phase, {@code
 * vitrine.processing.queue.in-hand}, {@code vitrine.processing.queue.dead-lettered} and {@code
 * vitrine.processing.queue.oldest-wait} (seconds). Read from the queue every few seconds rather than at each scrape,
 * so that a scrape, which runs on the web server's event loop, never waits for PostgreSQL or the broker.
 */
@Component
class QueueMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);
    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final String WAITING = "vitrine.processing.queue.waiting";

    private final JobQueue queue;
    private final AtomicReference<QueueDepth> last = new AtomicReference<>();
    private Disposable refreshing;

    QueueMetrics(JobQueue queue, MeterRegistry meters) {
        this.queue = queue;
        gauge(meters, WAITING, "publish", "publishing halves waiting for a worker", QueueDepth::waitingToPublish);
        gauge(meters, WAITING, "complete", "completing halves waiting for a worker", QueueDepth::waitingToComplete);
        gauge(
                meters,
                "vitrine.processing.queue.in-hand",
                null,
                "jobs workers hold, on every node",
                depth -> depth.inHand() == null ? Double.NaN : depth.inHand());
        gauge(
                meters,
                "vitrine.processing.queue.dead-lettered",
                null,
                "jobs the broker gave up on",
                depth -> depth.deadLettered() == null ? Double.NaN : depth.deadLettered());
        gauge(
                meters,
                "vitrine.processing.queue.oldest-wait",
                null,
                "seconds the longest-waiting job has waited",
                depth -> depth.oldestWaitingSince() == null
                        ? 0
                        : Duration.between(depth.oldestWaitingSince(), Instant.now())
                                        .toMillis()
                                / 1000.0);
    }

    private void gauge(
            MeterRegistry meters, String name, String phase, String description, ToDoubleFunction<QueueDepth> value) {
        Gauge.Builder<AtomicReference<QueueDepth>> gauge = Gauge.builder(name, last, reference -> {
                    QueueDepth depth = reference.get();
                    return depth == null ? Double.NaN : value.applyAsDouble(depth);
                })
                .description(description);
        if (phase != null) {
            gauge.tag("phase", phase);
        }
        gauge.register(meters);
    }

    @Override
    public synchronized void start() {
        refreshing = Flux.interval(Duration.ZERO, REFRESH)
                .concatMap(tick -> queue.depth().onErrorResume(failure -> {
                    log.debug("Queue depth not read: {}", failure.toString());
                    return Mono.empty();
                }))
                .subscribe(last::set);
    }

    @Override
    public synchronized void stop() {
        if (refreshing != null) {
            refreshing.dispose();
            refreshing = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refreshing != null;
    }
}
