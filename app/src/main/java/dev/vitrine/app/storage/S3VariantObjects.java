package dev.vitrine.app.storage;

import dev.vitrine.query.media.VariantObjects;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Streams variants out of S3 for the public media route, without holding them in memory. */
@Component
class S3VariantObjects implements VariantObjects {

    private final S3AsyncClient s3;
    private final String bucket;

    S3VariantObjects(S3AsyncClient s3, ObjectStore store) {
        this.s3 = s3;
        this.bucket = store.bucket();
    }

    @Override
    public Mono<StoredVariant> read(String objectKey, String ifNoneMatch) {
        return Mono.fromFuture(() -> s3.getObject(
                        get -> get.bucket(bucket).key(objectKey).ifNoneMatch(ifNoneMatch),
                        AsyncResponseTransformer.toPublisher()))
                .map(response -> new StoredVariant(
                        response.response().contentType(),
                        response.response().contentLength(),
                        response.response().eTag(),
                        Flux.from(response),
                        false))
                .onErrorResume(S3VariantObjects::missing, failure -> Mono.empty())
                .onErrorResume(
                        S3VariantObjects::notModified,
                        failure -> Mono.just(new StoredVariant(null, 0, ifNoneMatch, Flux.empty(), true)));
    }

    private static boolean missing(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return cause instanceof NoSuchKeyException || cause instanceof S3Exception s3 && s3.statusCode() == 404;
    }

    private static boolean notModified(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return cause instanceof S3Exception s3 && s3.statusCode() == 304;
    }
}
