package dev.vitrine.eventlog.log;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells this node's readers of the log (the event stream, the AMQP feed) that it grew, as soon as the log's
 * transaction committed, so they need not wait for their next poll. Readers still poll: another node may be the
 * one writing the log.
 */
@Component
public class LogSignal {

    private final Sinks.Many<Long> heads = Sinks.many().multicast().directBestEffort();

    void advanced(long head) {
        heads.tryEmitNext(head);
    }

    public Flux<Long> heads() {
        return heads.asFlux();
    }
}
