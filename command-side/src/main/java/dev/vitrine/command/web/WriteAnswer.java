package dev.vitrine.command.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/**
 * The answer to an accepted write: the resource as the read model shows it once it caught up, with the status the
 * route promises; or 202 with where to read it when the read model has not caught up within the wait (a projector
 * restarting): the write stands either way, and an empty 200 would read as nothing having happened.
 */
public final class WriteAnswer {

    /** Puts the 202 without a body in the OpenAPI document of a route answered by {@link #of}. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "202",
            description = "Accepted, not yet readable: the change is made, the read model had not caught up within the "
                    + "wait; read it at Location",
            content = @Content(schema = @Schema(hidden = true)))
    public @interface MayAnswerBeforeReadable {}

    private WriteAnswer() {}

    /** {@code location} goes out with a 201 or a 202 (where the resource is, where to read it), not with a 200. */
    public static <T> Mono<ResponseEntity<T>> of(Mono<T> changed, HttpStatus status, URI location) {
        return changed.map(body -> status == HttpStatus.OK
                        ? ResponseEntity.ok(body)
                        : ResponseEntity.status(status).location(location).body(body))
                .defaultIfEmpty(ResponseEntity.accepted().location(location).build());
    }
}
