package dev.vitrine.query.rebuild;

import dev.vitrine.query.projection.ReadModelProjector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the rebuilt tables up to the head of the event store by reading it directly, after the rebuild's
 * processor stopped: events some segments applied already change nothing a second time. Used once without locks,
 * then for the last few events with the live tables locked, just before the swap.
 */
final class CatchUp {

    private static final int CHUNK = 2_000;

    private final EventStorageEngine storage;
    private final ReadModelProjector projector;
    private final TransactionTemplate transactions;

    CatchUp(EventStorageEngine storage, ReadModelProjector projector, TransactionTemplate transactions) {
        this.storage = storage;
        this.projector = projector;
        this.transactions = transactions;
    }

    /** Applies every event after {@code from}; answers the token of the last one (or {@code from}). */
    TrackingToken from(TrackingToken from) {
        TrackingToken reached = from;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                chunk.add(event);
                reached = event.trackingToken();
                if (chunk.size() == CHUNK) {
                    apply(chunk);
                }
            }
            apply(chunk);
        }
        return reached;
    }

    private void apply(List<TrackedEventMessage<?>> chunk) {
        if (!chunk.isEmpty()) {
            transactions.executeWithoutResult(status -> projector.applyNow(chunk));
            chunk.clear();
        }
    }
}
