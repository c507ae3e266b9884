package dev.vitrine.query.deadletter;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.admin.ParkedEventView;
import dev.vitrine.query.projection.ReadModelProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The read model's parked events: what they are and why they failed, and the two things an administrator can do
 * about them, once the cause is fixed: process them again, or drop a gallery's parked events for good.
 */
@Component
public class DeadLetters {

    private static final int MAX_RETRIES = 10_000;

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public List<ParkedEventView> parked() {
        List<ParkedEventView> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue().deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                parked.add(view(letter));
            }
        }
        return parked;
    }

    public long sequences() {
        return queue().amountOfSequences();
    }

    /** Processes parked sequences, oldest first, until one fails again; answers how many succeeded. */
    public int retry() {
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(ReadModelProcessor.NAME).orElseThrow();
        int processed = 0;
        while (processed < MAX_RETRIES && queue().amountOfSequences() > 0 && processor.processAny()) {
            processed++;
        }
        return processed;
    }

    /** Drops every parked event of the gallery; answers how many. */
    public int drop(UUID galleryId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue();
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(galleryId).forEach(letters::add);
        letters.forEach(letter -> queue.evict(cast(letter)));
        return letters.size();
    }

    /** Drops one parked event of the gallery (e.g. the one that cannot be applied); answers whether it was there. */
    public boolean drop(UUID galleryId, String eventId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue();
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(galleryId)) {
            if (letter.message().getIdentifier().equals(eventId)) {
                queue.evict(cast(letter));
                return true;
            }
        }
        return false;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing.deadLetterQueue(ReadModelProcessor.NAME).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static DeadLetter<EventMessage<?>> cast(DeadLetter<? extends EventMessage<?>> letter) {
        return (DeadLetter<EventMessage<?>>) letter;
    }

    private static ParkedEventView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Cause cause = letter.cause().orElse(null);
        Object sequence = message.getPayload() instanceof GalleryEvent event ? event.galleryId() : null;
        return new ParkedEventView(
                String.valueOf(sequence),
                message.getIdentifier(),
                message.getPayloadType().getName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                letter.enqueuedAt(),
                letter.lastTouched(),
                cause == null ? null : cause.type(),
                cause == null ? null : cause.message());
    }
}
