package dev.vitrine.query.deadletter;

import dev.vitrine.api.admin.ParkedEventView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Administrators see, retry and drop the read model's parked events (the app lets only administrators in). */
@RestController
@RequestMapping("/api/admin/read-model/dead-letters")
@Tag(name = "Administration")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Events the read model could not apply, with why")
    Mono<List<ParkedEventView>> parked() {
        return Mono.fromCallable(deadLetters::parked).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/retry")
    @Operation(summary = "Apply the parked events again, oldest gallery first, until one fails again")
    Mono<Map<String, Object>> retry() {
        return Mono.fromCallable(() -> Map.<String, Object>of(
                        "retriedSequences", deadLetters.retry(), "stillParkedSequences", deadLetters.sequences()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @DeleteMapping("/{galleryId}/{eventId}")
    @Operation(summary = "Drop one parked event of a gallery for good (the others stay parked until retried)")
    Mono<Map<String, Object>> dropOne(@PathVariable UUID galleryId, @PathVariable String eventId) {
        return Mono.fromCallable(() -> Map.<String, Object>of("dropped", deadLetters.drop(galleryId, eventId) ? 1 : 0))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @DeleteMapping("/{galleryId}")
    @Operation(summary = "Drop a gallery's parked events for good")
    Mono<Map<String, Object>> drop(@PathVariable UUID galleryId) {
        return Mono.fromCallable(() -> Map.<String, Object>of("dropped", deadLetters.drop(galleryId)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
