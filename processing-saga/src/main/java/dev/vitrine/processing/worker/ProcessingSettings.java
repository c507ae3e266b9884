package dev.vitrine.processing.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled          whether this node runs workers (any node with the processing role consumes the queue)
 * @param workers          how many threads of this node process images
 * @param prefetch         how many publishing halves this node holds at once (completing halves: one per worker)
 * @param queue            the RabbitMQ queue of processing jobs
 * @param deliveryLimit    how often RabbitMQ hands out a job that is never acknowledged before dead-lettering it
 * @param maxAttempts      attempts at one generation before the image is stalled
 * @param firstRetryDelay  the wait before the second attempt; it doubles for each further one
 * @param maxRetryDelay    the longest wait between attempts
 * @param attemptTimeout   how long an attempt may take to publish (queue wait included) before it counts as lost
 * @param completionTimeout how long a published attempt may take to finish its AVIF set before it counts as lost
 * @param storageTimeout   how long one read or write of the object store may take
 * @param crashLimit       how many processes a job's decode may crash (each counted before decoding) before the
 *                         next worker refuses the image as {@code processing_crashed} without decoding it; below
 *                         {@code deliveryLimit}, so the worker decides before RabbitMQ dead-letters the job
 * @param jobLease         without RabbitMQ: how long a job stays with a worker that stopped renewing it (after a
 *                         crash, the wait before any node takes it again)
 * @param jobPoll          without RabbitMQ: how often an idle node looks for jobs queued by other nodes
 * @param stopGrace        on a graceful stop, how long the jobs being worked on may take to finish before they are
 *                         handed back to the queue (within the shutdown phase's own bound, 20 s)
 * @param niceness         the Linux nice value of the threads that process images (0–19; 0: as the rest): above
 *                         0, requests are answered first and processing takes the CPU that is left
 * @param testCrashMarker  fault tests only: a worker that reads an original holding these bytes halts the JVM at
 *                         once, as a native crash in a decoder would (empty: never)
 */
@ConfigurationProperties("vitrine.processing")
public record ProcessingSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int workers,
        @DefaultValue("4") int prefetch,
        @DefaultValue("vitrine.image-processing") String queue,
        @DefaultValue("5") int deliveryLimit,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("2s") Duration firstRetryDelay,
        @DefaultValue("5m") Duration maxRetryDelay,
        @DefaultValue("10m") Duration attemptTimeout,
        @DefaultValue("1h") Duration completionTimeout,
        @DefaultValue("60s") Duration storageTimeout,
        @DefaultValue("3") int crashLimit,
        @DefaultValue("30s") Duration jobLease,
        @DefaultValue("250ms") Duration jobPoll,
        @DefaultValue("15s") Duration stopGrace,
        @DefaultValue("10") int niceness,
        @DefaultValue("") String testCrashMarker) {

    public ProcessingSettings {
        if (crashLimit < 1 || crashLimit >= deliveryLimit) {
            throw new IllegalArgumentException("vitrine.processing.crash-limit must be at least 1 and below "
                    + "vitrine.processing.delivery-limit (" + deliveryLimit + "), not " + crashLimit);
        }
    }

    /** The wait before attempt number {@code attempt} (the second attempt waits the first delay). */
    public Duration retryDelay(int attempt) {
        long factor = 1L << Math.min(30, Math.max(0, attempt - 2));
        Duration delay = firstRetryDelay.multipliedBy(factor);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
