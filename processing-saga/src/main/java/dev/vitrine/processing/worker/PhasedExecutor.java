package dev.vitrine.processing.worker;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed set of threads that always runs the first half of a job (what publishes an image: BlurHash and WebP)
 * before any second half (AVIF), oldest first within each half. Under a burst every image is published before
 * any AVIF is encoded: AVIF is most of the work, and nobody waits for it.
 */
public final class PhasedExecutor implements AutoCloseable {

    public enum Phase {
        PUBLISH,
        COMPLETE
    }

    private final ThreadPoolExecutor threads;
    private final AtomicLong order = new AtomicLong();

    /** @param niceness the threads' Linux nice value ({@link BackgroundPriority}); 0 leaves it alone */
    public PhasedExecutor(int threads, String name, int niceness) {
        this.threads = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(),
                BackgroundPriority.of(
                        Thread.ofPlatform().name(name + "-", 0).daemon(true).factory(), niceness));
    }

    public <T> CompletableFuture<T> submit(Phase phase, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable abandon = () -> result.completeExceptionally(new CancellationException("never started: stopping"));
        threads.execute(new Task(
                phase,
                order.incrementAndGet(),
                () -> {
                    try {
                        result.complete(work.call());
                    } catch (Throwable failure) {
                        result.completeExceptionally(failure);
                    }
                },
                abandon));
        return result;
    }

    /**
     * Interrupts what runs, and fails what never started with a {@link CancellationException}, so that every job
     * handed to this executor has an outcome its caller can settle.
     */
    @Override
    public void close() {
        for (Runnable never : threads.shutdownNow()) {
            ((Task) never).abandon().run();
        }
    }

    private record Task(Phase phase, long order, Runnable work, Runnable abandon)
            implements Runnable, Comparable<Task> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Task other) {
            int byPhase = phase.compareTo(other.phase);
            return byPhase != 0 ? byPhase : Long.compare(order, other.order);
        }
    }
}
