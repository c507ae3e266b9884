package dev.vitrine.eventlog.audit;

import dev.vitrine.api.audit.ChainVerification;
import dev.vitrine.api.audit.GalleryAsOf;
import dev.vitrine.api.audit.HistoryPage;
import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * For auditors (and administrators): a gallery's complete history, deleted galleries included; the gallery as it
 * was at any instant, replayed from the event store; and a check that the stored events are the ones written.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class AuditController {

    private final Audit audit;

    AuditController(Audit audit) {
        this.audit = audit;
    }

    @GetMapping("/galleries/{galleryId}/history")
    @Operation(
            summary = "The gallery's events and its images' events, oldest first, as stored, with who caused "
                    + "each and as part of which request")
    Mono<HistoryPage> history(
            @PathVariable UUID galleryId,
            @Parameter(description = "next of the previous page") @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            Caller caller) {
        return audited(caller, () -> found(audit.history(galleryId, after, limit), galleryId));
    }

    @GetMapping("/galleries/{galleryId}")
    @Operation(summary = "The gallery and its images as they were at an instant, replayed from its events")
    Mono<GalleryAsOf> asOf(
            @PathVariable UUID galleryId,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-11-30T12:00:00Z; default: now")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            Caller caller) {
        Instant at = asOf == null ? Instant.now() : asOf;
        return audited(caller, () -> found(audit.asOf(galleryId, at), galleryId));
    }

    @GetMapping("/verify")
    @Operation(
            summary = "Recompute the hash chain of a gallery's events (or of the whole log, with its "
                    + "checkpoints) and name the first broken link")
    Mono<ChainVerification> verify(@RequestParam(required = false) UUID galleryId, Caller caller) {
        return audited(caller, () -> audit.verify(galleryId));
    }

    private static <T> T found(Optional<T> answer, UUID galleryId) {
        return answer.orElseThrow(() -> new RejectedException(
                ErrorCode.GALLERY_NOT_FOUND,
                "galleryId",
                "the event log has no gallery " + galleryId + " (at that time)"));
    }

    private static <T> Mono<T> audited(Caller caller, Callable<T> work) {
        if (!caller.actor().mayAudit()) {
            return Mono.error(new RejectedException(
                    ErrorCode.FORBIDDEN, null, "the audit API is for auditors and administrators"));
        }
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
