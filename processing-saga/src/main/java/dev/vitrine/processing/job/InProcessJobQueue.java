package dev.vitrine.processing.job;

import java.util.EnumMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The queue when no RabbitMQ is configured: jobs live in this JVM's memory. A crash loses the jobs in it; the
 * saga's attempt deadline dispatches them again.
 */
public final class InProcessJobQueue implements JobQueue {

    private final Map<ProcessImageJob.Phase, Sinks.Many<ProcessImageJob>> queues =
            new EnumMap<>(ProcessImageJob.Phase.class);

    public InProcessJobQueue() {
        for (ProcessImageJob.Phase phase : ProcessImageJob.Phase.values()) {
            queues.put(phase, Sinks.many().unicast().onBackpressureBuffer());
        }
    }

    @Override
    public Mono<Void> submit(ProcessImageJob job) {
        return Mono.fromRunnable(() -> {
            Sinks.Many<ProcessImageJob> queue = queues.get(job.phase());
            synchronized (queue) {
                queue.emitNext(job, Sinks.EmitFailureHandler.FAIL_FAST);
            }
        });
    }

    @Override
    public Flux<JobDelivery> deliveries(int publishing, int completing) {
        return Flux.merge(
                queues.get(ProcessImageJob.Phase.PUBLISH)
                        .asFlux()
                        .limitRate(publishing)
                        .map(Delivery::new),
                queues.get(ProcessImageJob.Phase.COMPLETE)
                        .asFlux()
                        .limitRate(completing)
                        .map(Delivery::new));
    }

    @Override
    public String describe() {
        return "in-process queue";
    }

    @Override
    public boolean external() {
        return false;
    }

    private record Delivery(ProcessImageJob job) implements JobDelivery {
        @Override
        public void done() {
            // nothing to acknowledge in memory
        }

        @Override
        public void retryLater() {
            // the attempt deadline dispatches it again
        }
    }
}
