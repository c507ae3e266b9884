package dev.vitrine.query.media;

import java.nio.ByteBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where the variants' bytes are stored (the object store). */
public interface VariantObjects {

    /**
     * The stored object, or empty when there is none. When {@code ifNoneMatch} names its current entity tag the
     * answer is {@link StoredVariant#notModified} and carries no bytes.
     */
    Mono<StoredVariant> read(String objectKey, String ifNoneMatch);

    record StoredVariant(String contentType, long length, String etag, Flux<ByteBuffer> bytes, boolean notModified) {}
}
