package dev.vitrine.eventlog.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.GalleryEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes every event into the integration log, in the order its processor receives them, a batch per transaction
 * with the processor's token: an entry is written exactly once, and the log never runs ahead of or behind it.
 */
@ProcessingGroup(LogProcessor.NAME)
class LogWriter {

    private static final String RESOURCE = "vitrine.event-log.batch";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PublicEvents publicEvents;
    private final List<LogListener> listeners;
    private final LogSignal signal;

    LogWriter(
            JdbcTemplate jdbc,
            ObjectMapper json,
            PublicEvents publicEvents,
            List<LogListener> listeners,
            LogSignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.publicEvents = publicEvents;
        this.listeners = listeners;
        this.signal = signal;
    }

    @EventHandler
    void on(GalleryEvent event, EventMessage<?> message) {
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        batch().add(
                        event,
                        message.getIdentifier(),
                        domain == null ? event.galleryId().toString() : domain.getAggregateIdentifier(),
                        domain == null ? 0 : domain.getSequenceNumber(),
                        message.getTimestamp());
    }

    private LogBatch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(RESOURCE, key -> {
            LogBatch batch = new LogBatch(jdbc, json, publicEvents);
            AtomicReference<List<LogRecord>> written = new AtomicReference<>(List.of());
            unitOfWork.onPrepareCommit(u -> {
                written.set(batch.flush());
                listeners.forEach(listener -> listener.written(written.get()));
            });
            unitOfWork.afterCommit(u ->
                    written.get().stream().mapToLong(LogRecord::position).max().ifPresent(signal::advanced));
            return batch;
        });
    }
}
