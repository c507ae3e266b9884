package dev.vitrine.app.operations;

import dev.vitrine.query.projection.TokenPositions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far behind the head of the event store each streaming processor is, in events, across all nodes; also
 * published as the gauge {@code vitrine.processor.lag} (tag {@code processor}).
 */
@Component
class ProcessorLag {

    private final EventStore events;
    private final TokenPositions tokens;
    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;

    ProcessorLag(
            EventStore events,
            JdbcTemplate jdbc,
            @Qualifier("serializer") Serializer serializer,
            EventProcessingConfiguration processing,
            MeterRegistry registry) {
        this.events = events;
        this.tokens = new TokenPositions(jdbc, serializer);
        this.processing = processing;
        this.registry = registry;
    }

    long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    List<TokenPositions.SegmentPosition> segments(String processor) {
        return tokens.segments(processor);
    }

    long lag(String processor) {
        long head = head();
        return segments(processor).stream()
                .mapToLong(s -> Math.max(0, head - s.position()))
                .max()
                .orElse(head);
    }

    /** Once the processors exist. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .forEach(processor -> Gauge.builder("vitrine.processor.lag", () -> lag(processor.getName()))
                        .tag("processor", processor.getName())
                        .description("events the processor is behind the head of the event store")
                        .register(registry));
    }
}
