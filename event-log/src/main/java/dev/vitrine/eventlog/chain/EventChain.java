package dev.vitrine.eventlog.chain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash that chains each event to the one before it in its aggregate, kept in the event's own metadata under
 * {@link #METADATA_KEY}. It covers what the event store holds of the event — identity, position, type and revision,
 * timestamp, the stored payload bytes and the metadata (but this hash) — and the previous event's hash, so that
 * changing, removing or reordering any stored event breaks every link from it on.
 */
public final class EventChain {

    public static final String METADATA_KEY = "hash";
    /** The "previous hash" of an aggregate's first event. */
    public static final String GENESIS = "";

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private EventChain() {}

    /** One stored event, as the chain sees it. */
    public record Link(
            String aggregateId,
            long sequenceNumber,
            String eventId,
            String payloadType,
            String payloadRevision,
            String timestamp,
            byte[] payload,
            Map<String, ?> metadata) {}

    public static String hash(String previous, Link link) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            field(sha, previous);
            field(sha, link.aggregateId());
            field(sha, Long.toString(link.sequenceNumber()));
            field(sha, link.eventId());
            field(sha, link.payloadType());
            field(sha, link.payloadRevision() == null ? "" : link.payloadRevision());
            field(sha, link.timestamp());
            field(sha, link.payload());
            field(sha, canonical(link.metadata()));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The metadata as JSON with sorted keys and without the chain's own key. */
    static byte[] canonical(Map<String, ?> metadata) {
        Map<String, Object> sorted = new TreeMap<>(metadata);
        sorted.remove(METADATA_KEY);
        try {
            return CANONICAL.writeValueAsBytes(sorted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Metadata as stored (JSON bytes), as a map. */
    public static Map<String, Object> metadata(byte[] stored) {
        try {
            return CANONICAL.readValue(stored, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each field goes in with its length first: no two different events hash the same fields alike. */
    private static void field(MessageDigest sha, String value) {
        field(sha, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest sha, byte[] value) {
        sha.update(ByteBuffer.allocate(4).putInt(value.length).array());
        sha.update(value);
    }
}
