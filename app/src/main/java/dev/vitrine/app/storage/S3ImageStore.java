package dev.vitrine.app.storage;

import dev.vitrine.processing.worker.ImageStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The worker's storage port on S3. Variants are content-addressed, so caches may keep them forever. */
@Component
class S3ImageStore implements ImageStore {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final S3AsyncClient s3;
    private final String bucket;

    S3ImageStore(S3AsyncClient s3, ObjectStore store) {
        this.s3 = s3;
        this.bucket = store.bucket();
    }

    @Override
    public Mono<byte[]> read(String objectKey) {
        return Mono.fromFuture(() ->
                        s3.getObject(get -> get.bucket(bucket).key(objectKey), AsyncResponseTransformer.toBytes()))
                .map(response -> response.asByteArray())
                .onErrorMap(NoSuchKeyException.class, missing -> new OriginalMissingException(objectKey))
                .onErrorMap(
                        e -> e instanceof S3Exception s3e && s3e.statusCode() == 404,
                        missing -> new OriginalMissingException(objectKey));
    }

    @Override
    public Mono<Void> writeVariant(String objectKey, byte[] bytes, String contentType) {
        return Mono.fromFuture(() -> s3.putObject(
                        put -> put.bucket(bucket)
                                .key(objectKey)
                                .contentType(contentType)
                                .contentLength((long) bytes.length)
                                .cacheControl(IMMUTABLE),
                        AsyncRequestBody.fromBytes(bytes)))
                .then();
    }
}
