package dev.vitrine.eventlog.stream;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.integration.CloudEvent;
import dev.vitrine.api.integration.IntegrationTypes;
import dev.vitrine.eventlog.log.LogFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/events/stream}: the public events as Server-Sent Events, each with the event's log position as
 * its id. A client that reconnects with {@code Last-Event-ID} (browsers do it themselves) or {@code ?after=} gets
 * everything after that position, then the events as they come. Without either it gets the events from now on.
 */
@RestController
@Tag(name = "Events")
class EventStreamController {

    private final EventStream stream;

    EventStreamController(EventStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Public events as Server-Sent Events (CloudEvents JSON), resumable by position; events of "
                    + "private and unlisted galleries only for their owner, admins and auditors",
            description = "An image's events reach others from its publication on; a gallery that stops being "
                    + "public is no longer replayed to others. What the caller may see is read again before "
                    + "every page of events; the stream ends when the caller's account is deleted or its "
                    + "password changes. At most VITRINE_LIMITS_STREAMS_PER_CALLER streams per caller (429).")
    Flux<ServerSentEvent<CloudEvent>> stream(
            @Parameter(description = "replay from after this position (0: from the beginning)")
                    @RequestParam(required = false)
                    Long after,
            @Parameter(description = "only these CloudEvents types") @RequestParam(required = false) List<String> type,
            @Parameter(description = "only this gallery's events") @RequestParam(required = false) UUID galleryId,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
            Caller caller) {
        Set<String> types = new HashSet<>(type == null ? List.of() : type);
        for (String one : types) {
            if (!IntegrationTypes.DATA.containsKey(one)) {
                throw new RejectedException(
                        ErrorCode.INVALID_PARAMETER,
                        "type",
                        "no event type " + one + "; the types are " + IntegrationTypes.ALL);
            }
        }
        // not a ternary: one with a long branch would unbox a missing ?after= into a NullPointerException
        Long from = after;
        if (lastEventId != null && !lastEventId.isBlank()) {
            from = position(lastEventId);
        }
        if (from != null && from < 0) {
            throw new RejectedException(ErrorCode.INVALID_PARAMETER, "after", "a position is 0 or more");
        }
        return stream.from(from, new LogFilter(types, galleryId, caller.actor()));
    }

    private static long position(String lastEventId) {
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw new RejectedException(
                    ErrorCode.INVALID_PARAMETER,
                    "Last-Event-ID",
                    "Last-Event-ID is the id of an event of this stream: a position");
        }
    }
}
