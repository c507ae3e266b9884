package dev.vitrine.app.storage;

import dev.vitrine.command.storage.UploadStorage;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The command side's storage port on S3: presigned PUTs, reading an upload back, deleting by prefix. */
@Component
class S3UploadStorage implements UploadStorage {

    /** Headers a browser sets itself and refuses to be told to set. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length");

    private final S3AsyncClient s3;
    private final S3Presigner presigner;
    private final String bucket;

    S3UploadStorage(S3AsyncClient s3, S3Presigner presigner, ObjectStore store) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = store.bucket();
    }

    @Override
    public PresignedPut presignPut(String objectKey, String contentType, long size, Duration validFor) {
        var presigned = presigner.presignPutObject(request -> request.signatureDuration(validFor)
                .putObjectRequest(put -> put.bucket(bucket)
                        .key(objectKey)
                        .contentType(contentType)
                        .contentLength(size)));
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name.equalsIgnoreCase("content-type") ? "Content-Type" : name, String.join(",", values));
            }
        });
        // the signature's clock has whole seconds: so has the expiry we announce
        return new PresignedPut(
                toUri(presigned.url()), headers, presigned.expiration().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public Mono<StoredObject> inspect(String objectKey) {
        return Mono.fromFuture(() ->
                        s3.getObject(get -> get.bucket(bucket).key(objectKey), AsyncResponseTransformer.toPublisher()))
                .flatMap(response -> {
                    MessageDigest sha256 = sha256();
                    return Flux.from(response)
                            .reduce(0L, (size, chunk) -> size + digest(sha256, chunk))
                            .map(size -> new StoredObject(
                                    size,
                                    HexFormat.of().formatHex(sha256.digest()),
                                    response.response().contentType()));
                })
                .onErrorResume(NoSuchKeyException.class, missing -> Mono.empty())
                .onErrorResume(S3Exception.class, e -> e.statusCode() == 404 ? Mono.empty() : Mono.error(e));
    }

    /**
     * Vitrine never writes a key ending in "/": such keys are directories a filesystem-backed store lists, and
     * they go with their last file.
     */
    @Override
    public Mono<Void> deleteAll(String keyPrefix) {
        return Flux.from(s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(keyPrefix)))
                .map(page -> page.contents().stream()
                        .map(S3Object::key)
                        .filter(key -> !key.endsWith("/"))
                        .map(key -> ObjectIdentifier.builder().key(key).build())
                        .toList())
                .filter(keys -> !keys.isEmpty())
                .concatMap(keys -> Mono.fromFuture(() -> s3.deleteObjects(delete -> delete.bucket(bucket)
                        .delete(Delete.builder().quiet(true).objects(keys).build()))))
                .then();
    }

    private static long digest(MessageDigest digest, ByteBuffer chunk) {
        int bytes = chunk.remaining();
        digest.update(chunk);
        return bytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the presigner made an invalid URL: " + url, e);
        }
    }
}
