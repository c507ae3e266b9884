package dev.vitrine.query.projection;

/**
 * Hears what the live read model's committed batches changed, on the processor's thread. Listeners run in their
 * {@code @Order}: the cache is told before waiting readers are woken.
 */
public interface ReadModelListener {

    void committed(ReadModelChange change);
}
