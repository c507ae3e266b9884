package dev.vitrine.query.rebuild;

import dev.vitrine.api.admin.ReadModelRebuildView;
import dev.vitrine.api.admin.StartRebuildRequest;
import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Administrators rebuild or verify the read model (the app lets only administrators in here). */
@RestController
@RequestMapping("/api/admin/read-model/rebuild")
@Tag(name = "Administration")
class ReadModelAdminController {

    private final ReadModelRebuild rebuild;

    ReadModelAdminController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild the read model from the event store (swap: false only verifies it)")
    Mono<ReadModelRebuildView> start(@RequestBody(required = false) StartRebuildRequest body) {
        boolean swap = body == null || body.swapOrDefault();
        return Mono.fromCallable(() -> rebuild.start(swap)).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping
    @Operation(summary = "How the last (or current) rebuild goes: events done of total, rate, time left, differences")
    Mono<ReadModelRebuildView> status() {
        return Mono.fromCallable(() -> rebuild.status()
                        .orElseThrow(
                                () -> RejectedException.of(ErrorCode.NO_REBUILD, "the read model was never rebuilt")))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
