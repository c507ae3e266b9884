package dev.vitrine.api.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.upcasting.Upcasters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * A history recorded with an earlier release, exactly as its event store held it, and the read model that release
 * made of it: what today's upcasters, aggregates and projections must still read, and read the same. It was made
 * through the HTTP API (a gallery renamed and made unlisted; two photos published with their eight variants, one
 * then reprocessed, the other deleted; a truncated file rejected); {@code recordedWith} in the file says by what.
 */
public final class RecordedHistory {

    static final String RESOURCE = "recorded/history-2026-12-06.json";

    /** One row of {@code domainevententry} as it was stored. */
    public record StoredEvent(
            long globalIndex,
            String aggregateType,
            String aggregateId,
            long sequenceNumber,
            String eventId,
            String timestamp,
            String payloadType,
            String payloadRevision,
            String payload,
            String metaData) {}

    /** A stored event as today's types read it. */
    public record ReadEvent(StoredEvent stored, Object payload) {}

    private final JsonNode recorded;

    private RecordedHistory(JsonNode recorded) {
        this.recorded = recorded;
    }

    public static RecordedHistory load() {
        try (InputStream in = RecordedHistory.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return new RecordedHistory(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String recordedWith() {
        return recorded.path("recordedWith").asText();
    }

    public List<StoredEvent> stored() {
        List<StoredEvent> events = new ArrayList<>();
        for (JsonNode event : recorded.path("events")) {
            events.add(new StoredEvent(
                    event.path("globalIndex").asLong(),
                    event.path("aggregateType").asText(),
                    event.path("aggregateId").asText(),
                    event.path("sequenceNumber").asLong(),
                    event.path("eventId").asText(),
                    event.path("timestamp").asText(),
                    event.path("payloadType").asText(),
                    event.path("payloadRevision").isNull()
                            ? null
                            : event.path("payloadRevision").asText(),
                    event.path("payload").toString(),
                    event.path("metaData").toString()));
        }
        return events;
    }

    /** Every event in log order, read through the upcasters the app registers, as the app's serializer reads it. */
    public List<ReadEvent> read() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        List<ReadEvent> read = new ArrayList<>();
        for (StoredEvent event : stored()) {
            var entry = new GenericDomainEventEntry<>(
                    event.aggregateType(),
                    event.aggregateId(),
                    event.sequenceNumber(),
                    event.eventId(),
                    event.timestamp(),
                    event.payloadType(),
                    event.payloadRevision(),
                    event.payload().getBytes(StandardCharsets.UTF_8),
                    event.metaData().getBytes(StandardCharsets.UTF_8));
            List<IntermediateEventRepresentation> upcast = Upcasters.chain()
                    .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                    .toList();
            for (IntermediateEventRepresentation representation : upcast) {
                read.add(new ReadEvent(event, serializer.deserialize(representation.getData())));
            }
        }
        return read;
    }

    /** The events of one aggregate, in order, as today's types. */
    public List<Object> eventsOf(UUID aggregateId) {
        return read().stream()
                .filter(event -> event.stored().aggregateId().equals(aggregateId.toString()))
                .map(ReadEvent::payload)
                .toList();
    }

    /** The rows of {@code gallery_view} the recording release made, as {@code row_to_json} gives them. */
    public JsonNode galleryView() {
        return recorded.path("galleryView");
    }

    /** The rows of {@code image_view} the recording release made, as {@code row_to_json} gives them. */
    public JsonNode imageView() {
        return recorded.path("imageView");
    }
}
