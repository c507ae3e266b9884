package dev.vitrine.query.web;

import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.error.Rejection;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Asks the query bus on behalf of a read route. */
@Component
public class Queries {

    private final QueryGateway gateway;

    Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <T> Mono<T> ask(Object query, Class<T> answer) {
        return Mono.fromFuture(() -> gateway.query(query, ResponseTypes.instanceOf(answer)));
    }

    /** For questions about one thing: nothing (or nothing the caller may see) is a 404 with that code. */
    public <T> Mono<T> require(Object query, Class<T> answer, String notFoundCode, String message) {
        return Mono.fromFuture(() -> gateway.query(query, ResponseTypes.optionalInstanceOf(answer)))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(
                        Mono.error(() -> new RejectedException(Rejection.NOT_FOUND, notFoundCode, null, message)));
    }
}
