package dev.vitrine.command.storage;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The object store, as the command side needs it: presigned uploads, checking what arrived, cleaning up. */
public interface UploadStorage {

    /**
     * A URL the client may PUT exactly {@code size} bytes of {@code contentType} to, until it expires.
     * The content type and length are part of the signature.
     */
    PresignedPut presignPut(String objectKey, String contentType, long size, Duration validFor);

    /** What storage holds at the key (size, SHA-256 of the bytes, content type), or empty when nothing. */
    Mono<StoredObject> inspect(String objectKey);

    /** Deletes every object whose key starts with the prefix; deleting nothing is fine. */
    Mono<Void> deleteAll(String keyPrefix);

    record PresignedPut(URI url, Map<String, String> headers, Instant expiresAt) {}

    record StoredObject(long size, String sha256, String contentType) {}
}
