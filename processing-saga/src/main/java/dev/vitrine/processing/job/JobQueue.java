package dev.vitrine.processing.job;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The work queue between the saga and the workers of any node. Publishing halves and completing halves queue
 * apart, so that a burst of completions never holds back the next image's publication.
 */
public interface JobQueue {

    /** Completes once the queue holds the job (for a broker: once it confirmed the publish). */
    Mono<Void> submit(ProcessImageJob job);

    /**
     * The jobs for this node's workers: at most {@code publishing} publishing halves and {@code completing}
     * completing halves handed out and not yet done.
     */
    Flux<JobDelivery> deliveries(int publishing, int completing);

    /** What waits now, on every node: for the operators' endpoint and the queue metrics. */
    Mono<QueueDepth> depth();

    /** For the startup report: what the queue is and where. */
    String describe();

    boolean external();
}
