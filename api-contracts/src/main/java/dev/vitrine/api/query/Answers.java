package dev.vitrine.api.query;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Asking the query bus, the one way both sides do it: for the answer, for an answer that may be nothing, or for an
 * answer that must be there (nothing is then the 404 the caller names: the same question is "no gallery" to one
 * route and "no image" to another).
 */
public final class Answers {

    private Answers() {}

    public static <A> CompletableFuture<A> ask(QueryGateway queries, Question<A> question) {
        return queries.query(question, ResponseTypes.instanceOf(question.answerType()));
    }

    public static <A> CompletableFuture<Optional<A>> find(QueryGateway queries, Question<A> question) {
        return queries.query(question, ResponseTypes.optionalInstanceOf(question.answerType()));
    }

    public static <A> CompletableFuture<A> require(
            QueryGateway queries, Question<A> question, ErrorCode notFound, String path, String message) {
        return find(queries, question)
                .thenApply(answer -> answer.orElseThrow(() -> new RejectedException(notFound, path, message)));
    }
}
