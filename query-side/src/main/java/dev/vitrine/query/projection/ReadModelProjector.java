package dev.vitrine.query.projection;

import dev.vitrine.api.GalleryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionException;

/**
 * Builds one read model (one set of tables) from the events its processor hands it. The rows a batch of events
 * touches are loaded at its first event and written when the batch's transaction commits, with the processor's
 * token: rows and token never disagree. {@code committed} hears what changed once it is visible to readers.
 */
@ProcessingGroup(ReadModelProcessor.NAME)
public class ReadModelProjector {

    private static final Logger log = LoggerFactory.getLogger(ReadModelProjector.class);

    private final ReadModelStore store;
    private final String resource;
    private final Consumer<ReadModelChange> committed;

    public ReadModelProjector(JdbcTemplate jdbc, ReadModelTables tables, Consumer<ReadModelChange> committed) {
        this.store = new ReadModelStore(jdbc, tables);
        this.resource = "vitrine.read-model." + tables.galleries();
        this.committed = committed;
    }

    /**
     * A database failure fails the whole batch when it commits, and the processor tries the batch again; only an
     * event the read model cannot apply (an inconsistency) fails here, to be parked in the dead-letter queue.
     */
    /** Applies events straight away in the caller's transaction, outside any processor (a rebuild's last stretch). */
    public void applyNow(List<? extends EventMessage<?>> messages) {
        List<EventMessage<?>> applicable = new ArrayList<>();
        for (EventMessage<?> message : messages) {
            if (message.getPayload() instanceof GalleryEvent) {
                applicable.add(message);
            }
        }
        ProjectionBatch batch = new ProjectionBatch(
                store,
                applicable.stream()
                        .map(message -> (GalleryEvent) message.getPayload())
                        .toList());
        for (EventMessage<?> message : applicable) {
            try {
                batch.apply((GalleryEvent) message.getPayload(), EventPosition.of(message));
            } catch (IllegalStateException inconsistent) {
                log.warn(
                        "Skipped an event the read model cannot apply ({}): {}",
                        message.getIdentifier(),
                        inconsistent.getMessage());
            }
        }
        batch.flush();
    }

    @EventHandler
    void on(GalleryEvent event, EventMessage<?> message) {
        ProjectionBatch batch = batch(message);
        try {
            batch.apply(event, EventPosition.of(message));
        } catch (DataAccessException | TransactionException unavailable) {
            batch.fail(unavailable);
        }
    }

    private ProjectionBatch batch(EventMessage<?> message) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resource, key -> open(unitOfWork, message));
    }

    private ProjectionBatch open(UnitOfWork<?> unitOfWork, EventMessage<?> first) {
        ProjectionBatch batch = new ProjectionBatch(store, events(unitOfWork, first));
        AtomicReference<ReadModelChange> change = new AtomicReference<>();
        unitOfWork.onPrepareCommit(u -> change.set(batch.flush()));
        unitOfWork.afterCommit(u -> {
            if (change.get() != null && !change.get().isEmpty()) {
                committed.accept(change.get());
            }
        });
        return batch;
    }

    /** The events of a processor's batch; a dead letter being retried comes alone. */
    private static List<GalleryEvent> events(UnitOfWork<?> unitOfWork, EventMessage<?> first) {
        List<? extends Message<?>> messages =
                unitOfWork instanceof BatchingUnitOfWork<?> batch ? batch.getMessages() : List.of(first);
        return messages.stream()
                .map(Message::getPayload)
                .filter(GalleryEvent.class::isInstance)
                .map(GalleryEvent.class::cast)
                .toList();
    }
}
