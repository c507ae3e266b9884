package dev.vitrine.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An event a processor could not apply, parked with the events of its gallery that came after it.
 *
 * @param sequence the gallery whose events wait behind it
 */
@Schema(name = "ParkedEvent")
public record ParkedEventView(
        String sequence,
        String eventId,
        String eventType,
        String aggregateId,
        Long aggregateSequence,
        Instant enqueuedAt,
        Instant lastTouched,
        @Schema(nullable = true) String causeType,
        @Schema(nullable = true) String causeMessage) {}
