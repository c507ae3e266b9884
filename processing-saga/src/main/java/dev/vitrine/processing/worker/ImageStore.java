package dev.vitrine.processing.worker;

import reactor.core.publisher.Mono;

/** The object store as the worker needs it: the original in, the variants out. */
public interface ImageStore {

    /** The stored bytes, or an error; {@link OriginalMissingException} when nothing is stored at the key. */
    Mono<byte[]> read(String objectKey);

    /** Stores a variant; variants are content-addressed, so they may be cached forever. */
    Mono<Void> writeVariant(String objectKey, byte[] bytes, String contentType);

    class OriginalMissingException extends RuntimeException {
        public OriginalMissingException(String objectKey) {
            super("nothing is stored at " + objectKey);
        }
    }
}
