package dev.vitrine.processing.worker;

import dev.vitrine.processing.job.JobDelivery;
import dev.vitrine.processing.job.JobQueue;
import dev.vitrine.processing.job.ProcessImageJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Takes jobs from the queue and runs them on {@code workers} threads, publishing halves before completing halves. A job is acknowledged once its outcome is recorded; if recording
 * fails it goes back to the queue. With no workers (processing off on this node) it takes nothing.
 */
public final class ImageWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImageWorker.class);
    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(10);
    public static final String JOBS_METER = "vitrine.processing.jobs";

    private final JobQueue queue;
    private final JobProcessor processor;
    private final int workers;
    private final int publishing;
    private final int crashLimit;
    private final MeterRegistry meters;
    private PhasedExecutor threads;
    private Disposable consuming;

    /**
     * @param publishing publishing halves in hand: more than {@code workers}, so that a thread coming free finds
     *                   the next one waiting rather than starting an AVIF set
     * @param crashLimit a job handed out this often without being finished is refused unread: its file crashes
     *                   the process
     */
    public ImageWorker(
            JobQueue queue, JobProcessor processor, int workers, int publishing, int crashLimit, MeterRegistry meters) {
        this.queue = queue;
        this.crashLimit = crashLimit;
        this.meters = meters;
        this.processor = processor;
        this.workers = workers;
        this.publishing = Math.max(publishing, workers);
    }

    @Override
    public synchronized void start() {
        if (workers == 0) {
            return;
        }
        threads = new PhasedExecutor(workers, "image-worker");
        consuming = queue.deliveries(publishing, workers)
                .flatMap(delivery -> Mono.fromFuture(run(delivery)), publishing + workers)
                .subscribe();
        log.info(
                "Image workers started: {} threads, up to {} publishing and {} completing jobs in hand, from the {}",
                workers,
                publishing,
                workers,
                queue.describe());
    }

    /**
     * A publishing half, once recorded, queues its completing half before it is acknowledged: a crash in between
     * redoes the publishing half, which changes nothing recorded.
     */
    private CompletableFuture<Void> run(JobDelivery delivery) {
        ProcessImageJob job = delivery.job();
        PhasedExecutor.Phase phase = job.phase() == ProcessImageJob.Phase.PUBLISH
                ? PhasedExecutor.Phase.PUBLISH
                : PhasedExecutor.Phase.COMPLETE;
        return threads.submit(phase, () -> {
                    if (delivery.unfinished() >= crashLimit) {
                        processor.crashed(job, delivery.unfinished());
                    } else if (job.phase() == ProcessImageJob.Phase.PUBLISH) {
                        processor.publish(job);
                        queue.submit(job.completion()).block(SUBMIT_TIMEOUT);
                    } else {
                        processor.complete(job);
                    }
                    return (Void) null;
                })
                .handle((done, failure) -> {
                    count(job, failure == null ? "done" : "returned");
                    if (failure == null) {
                        delivery.done();
                    } else {
                        log.warn(
                                "Job {} for image {} goes back to the queue: {}",
                                job.jobId(),
                                job.imageId(),
                                failure.getMessage());
                        delivery.retryLater();
                    }
                    return null;
                });
    }

    /** Jobs this node's workers finished ({@code done}) or gave back to the queue ({@code returned}). */
    private void count(ProcessImageJob job, String outcome) {
        Counter.builder(JOBS_METER)
                .description("processing jobs run by this node's image workers")
                .tag("phase", job.phase().name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    @Override
    public synchronized void stop() {
        if (consuming != null) {
            consuming.dispose();
            threads.close();
            consuming = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return consuming != null;
    }

    public int workers() {
        return workers;
    }

    /** Start after Axon's processors and stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
