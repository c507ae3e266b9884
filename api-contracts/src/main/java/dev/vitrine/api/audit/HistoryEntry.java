package dev.vitrine.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One stored event as the event store holds it, with who caused it and why. {@code type} is the event's own name
 * (GalleryCreated, UploadConfirmed, …) and {@code revision} its schema revision; {@code payload} is what was
 * stored, unchanged; {@code hash} chains it to the aggregate's previous event.
 */
@Schema(name = "HistoryEntry")
public record HistoryEntry(
        long position,
        long globalIndex,
        String eventId,
        String type,
        String revision,
        String aggregateId,
        long sequenceNumber,
        Instant timestamp,
        String actorId,
        String correlationId,
        String causationId,
        String requestId,
        String reason,

        @Schema(description = "the stored payload, as stored (JSON)")
        Object payload,

        String hash) {}
