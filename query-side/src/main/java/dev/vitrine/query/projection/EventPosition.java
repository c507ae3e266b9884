package dev.vitrine.query.projection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Where an event stands: its aggregate's sequence number (the row version it brings), when it happened (cut to
 * the microseconds PostgreSQL keeps) and its index in the event log (0 when delivered without one).
 */
public record EventPosition(long sequence, Instant at, long index) {

    public static EventPosition of(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalArgumentException("the read model is built from aggregate events only: " + message);
        }
        long index = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(0)
                : 0;
        return new EventPosition(
                domain.getSequenceNumber(), message.getTimestamp().truncatedTo(ChronoUnit.MICROS), index);
    }
}
