package dev.vitrine.command.web;

import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.metadata.EventMetadata;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Sends a command for an HTTP request. Axon runs the handler and its JDBC writes on the sending thread, so the
 * send happens on boundedElastic, never on the Netty event loop. The caller's identity and tracing ids travel as
 * metadata into every event the command causes. A command that lost a race with another node for the same
 * aggregate is retried; if it keeps losing, the {@link ConcurrencyException} surfaces (a 409).
 */
@Component
public class CommandSender {

    private static final Retry ON_CONCURRENT_CHANGE = Retry.backoff(6, Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(200))
            .jitter(0.5)
            .filter(ConcurrencyException.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());

    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends the command and answers what its handler returned (the aggregate's version, for our aggregates). */
    public <R> Mono<R> send(Object command, Caller caller) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metadataOf(caller));
        return Mono.<R>fromFuture(() -> gateway.send(message))
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(ON_CONCURRENT_CHANGE);
    }

    static MetaData metadataOf(Caller caller) {
        Map<String, Object> values = new HashMap<>();
        var actor = caller.actor();
        values.put(
                EventMetadata.ACTOR_ID,
                actor.isSystem() || actor.isAnonymous()
                        ? EventMetadata.SYSTEM_ACTOR
                        : actor.userId().toString());
        values.put(EventMetadata.CORRELATION_ID, caller.correlationId());
        if (caller.requestId() != null) {
            values.put(EventMetadata.REQUEST_ID, caller.requestId());
        }
        return MetaData.from(values);
    }
}
