package dev.vitrine.api.query;

/**
 * A query that names the type of its answer, so that whoever asks it through the query bus needs to say nothing
 * more. A question about one thing may be answered with nothing: it does not exist, or not for this viewer.
 */
public interface Question<A> {

    Class<A> answerType();
}
