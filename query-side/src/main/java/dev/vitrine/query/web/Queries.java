package dev.vitrine.query.web;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.query.Answers;
import dev.vitrine.api.query.Question;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Asks the query bus on behalf of a read route ({@link Answers}, as a Mono). */
@Component
public class Queries {

    private final QueryGateway gateway;

    Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <A> Mono<A> ask(Question<A> question) {
        return Mono.fromFuture(() -> Answers.ask(gateway, question));
    }

    /** For questions about one thing: nothing (or nothing the caller may see) is a 404 with that code. */
    public <A> Mono<A> require(Question<A> question, ErrorCode notFound, String message) {
        return Mono.fromFuture(() -> Answers.require(gateway, question, notFound, null, message));
    }
}
