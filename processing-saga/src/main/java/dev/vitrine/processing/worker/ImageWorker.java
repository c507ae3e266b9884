package dev.vitrine.processing.worker;

import dev.vitrine.processing.job.JobDelivery;
import dev.vitrine.processing.job.JobQueue;
import dev.vitrine.processing.job.JobTrace;
import dev.vitrine.processing.job.ProcessImageJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
    /** After the grace period: how long the interrupted and never-begun jobs get to be settled. */
    private static final Duration HAND_BACK_WAIT = Duration.ofSeconds(3);

    public static final String JOBS_METER = "vitrine.processing.jobs";
    public static final String DURATION_METER = "vitrine.processing.job.duration";

    private final JobQueue queue;
    private final JobProcessor processor;
    private final int workers;
    private final int publishing;
    private final int crashLimit;
    private final MeterRegistry meters;
    private final Duration stopGrace;
    private final DecodeStarts starts;
    private final int niceness;
    private final JobTrace trace;
    /**
     * A job whose decode crashed a process before runs alone on this node (the write lock), so that should it crash
     * again, no other job's decode is counted with it: an innocent file in the same process is never refused.
     */
    private final ReadWriteLock decoding = new ReentrantReadWriteLock(true);

    private PhasedExecutor threads;
    private volatile Disposable consuming;
    private volatile boolean stopping;
    /** Jobs whose work has begun and not ended. */
    private final AtomicInteger working = new AtomicInteger();
    /** Jobs received once stopping began, kept unsettled (so none more arrives) until they are handed back. */
    private final Set<JobDelivery> held = ConcurrentHashMap.newKeySet();
    /** Every job received and not settled yet. */
    private final Set<CompletableFuture<Void>> outstanding = ConcurrentHashMap.newKeySet();

    /**
     * @param publishing publishing halves in hand: more than {@code workers}, so that a thread coming free finds
     *                   the next one waiting rather than starting an AVIF set
     * @param crashLimit a job whose decode crashed this many processes is refused unread
     * @param stopGrace  how long a stopping node lets the jobs it is working on finish before it hands them back
     * @param niceness   the worker threads' Linux nice value: below the request threads ({@link BackgroundPriority})
     * @param starts     the durable count of decodes begun and not finished, per job
     */
    public ImageWorker(
            JobQueue queue,
            JobProcessor processor,
            int workers,
            int publishing,
            int crashLimit,
            Duration stopGrace,
            int niceness,
            DecodeStarts starts,
            MeterRegistry meters,
            JobTrace trace) {
        this.trace = trace;
        this.starts = starts;
        this.niceness = niceness;
        this.queue = queue;
        this.stopGrace = stopGrace;
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
        stopping = false;
        threads = new PhasedExecutor(workers, "image-worker", niceness);
        consuming = queue.deliveries(publishing, workers)
                .flatMap(delivery -> Mono.fromFuture(tracked(run(delivery)), true), publishing + workers)
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
                    if (stopping) {
                        return Outcome.HELD;
                    }
                    working.incrementAndGet();
                    long started = System.nanoTime();
                    try {
                        work(delivery);
                        return Outcome.DONE;
                    } finally {
                        working.decrementAndGet();
                        time(job, System.nanoTime() - started);
                    }
                })
                .handle((outcome, failure) -> {
                    if (outcome == Outcome.HELD) {
                        held.add(delivery);
                        return null;
                    }
                    // an Error (out of memory, a class that would not link) thrown by this file's processing is
                    // counted as the crash it would otherwise have been: its decode start stays recorded, so that
                    // the job, handed back, runs alone and is refused after crashLimit of them instead of coming
                    // back for ever
                    if (!(cause(failure) instanceof Error)) {
                        settledAlive(job);
                    }
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

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
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

    /** How long this node's workers took over a job, by phase: what a dashboard shows as time to publish. */
    private void time(ProcessImageJob job, long nanos) {
        Timer.builder(DURATION_METER)
                .description("time a job of this phase took on this node's image workers, from its start")
                .tag("phase", job.phase().name().toLowerCase(Locale.ROOT))
                .publishPercentileHistogram()
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Within the job's span, in the trace of the upload it serves. */
    private void work(JobDelivery delivery) {
        ProcessImageJob job = delivery.job();
        try (JobTrace.Working span = trace.start(job)) {
            log.debug(
                    "Job {} ({} half, attempt {}) for image {}",
                    job.jobId(),
                    job.phase(),
                    job.attempt(),
                    job.imageId());
            try {
                work(job);
            } catch (RuntimeException | Error failure) {
                span.failed(failure);
                throw failure;
            }
        }
    }

    /**
     * Before anything is decoded: a job whose earlier decodes crashed {@code crashLimit} processes is refused unread;
     * one that crashed fewer runs alone; the decode about to begin is recorded first.
     */
    private void work(ProcessImageJob job) {
        int crashes = starts.crashes(job);
        if (crashes >= crashLimit) {
            processor.crashed(job, crashes);
            return;
        }
        Lock lock = crashes > 0 ? decoding.writeLock() : decoding.readLock();
        lock.lock();
        try {
            starts.begin(job);
            if (job.phase() == ProcessImageJob.Phase.PUBLISH) {
                processor.publish(job);
                queue.submit(job.completion(trace.capture())).block(SUBMIT_TIMEOUT);
            } else {
                processor.complete(job);
            }
        } finally {
            lock.unlock();
        }
    }

    /** This process settles the job, so nothing it began crashed it; should the database be away, so be it. */
    private void settledAlive(ProcessImageJob job) {
        try {
            starts.settled(job);
        } catch (RuntimeException failure) {
            log.warn("The decode count of job {} could not be cleared: {}", job.jobId(), failure.toString());
        }
    }

    private enum Outcome {
        DONE,
        /** Received while stopping: not begun, handed back once the jobs being worked on are finished. */
        HELD
    }

    private CompletableFuture<Void> tracked(CompletableFuture<Void> settled) {
        outstanding.add(settled);
        settled.whenComplete((done, failure) -> outstanding.remove(settled));
        return settled;
    }

    @Override
    public void stop() {
        drain();
    }

    /** Runs on its own thread: Spring stops the other beans of this phase meanwhile. */
    @Override
    public void stop(Runnable callback) {
        Thread.ofPlatform().name("image-worker-stop").start(() -> {
            try {
                drain();
            } finally {
                callback.run();
            }
        });
    }

    /**
     * Stops taking jobs, lets those being worked on finish for up to the grace period, then hands back the rest
     * (interrupted, never begun, or held) to the queue without counting them as crashes, and only then lets go of
     * the queue, whose deliveries must still be open to settle them.
     */
    private synchronized void drain() {
        if (consuming == null) {
            return;
        }
        stopping = true;
        long deadline = System.nanoTime() + stopGrace.toNanos();
        while (working.get() > 0 && System.nanoTime() < deadline) {
            pause();
        }
        if (working.get() > 0) {
            log.warn("Stopping: {} image jobs did not finish within {}; they go back to the queue", working, stopGrace);
        }
        threads.close();
        long settling = System.nanoTime() + HAND_BACK_WAIT.toNanos();
        while (!outstanding.isEmpty() && System.nanoTime() < settling) {
            pause();
        }
        int handedBack = held.size();
        held.forEach(JobDelivery::retryLater);
        held.clear();
        consuming.dispose();
        consuming = null;
        log.info("Image workers stopped; {} jobs received while stopping went back to the queue", handedBack);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
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
