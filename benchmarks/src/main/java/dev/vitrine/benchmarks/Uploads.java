package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Uploads as a client makes them: reserve ({@code POST /api/uploads}), PUT the bytes to the presigned URL, confirm —
 * each step asked again after a 503's Retry-After or an error, until the client's deadline. Files are the eight
 * small landscapes (600x450, quick to process), each made distinct by a few bytes after its end (a gallery refuses
 * the same bytes twice). Keeps which uploads were reserved and which confirmed.
 */
final class Uploads {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Prepared(int n, UUID id) {}

    private final FaultClient owner;
    private final List<byte[]> landscapes = new ArrayList<>();
    private final Journal journal;
    /** Every upload id the client was given: an image it never heard of is a duplicate. */
    final Set<UUID> requested = ConcurrentHashMap.newKeySet();
    /** Confirmed (202, or 409 upload_already_confirmed after an answer that went missing). */
    final Set<UUID> confirmed = ConcurrentHashMap.newKeySet();
    /** When each was confirmed (nanoTime of the answer). */
    final Map<UUID, Long> confirmedAt = new ConcurrentHashMap<>();
    /** The same, on the wall clock (to set against events' times). */
    final Map<UUID, Instant> confirmedWall = new ConcurrentHashMap<>();
    /** Uploads the client gave up on, and why. */
    final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();

    Uploads(FaultClient owner, Path fixtures, Journal journal) throws IOException {
        this.owner = owner;
        this.journal = journal;
        for (int i = 1; i <= 8; i++) {
            landscapes.add(Files.readAllBytes(fixtures.resolve("Landscape_" + i + ".jpg")));
        }
    }

    /** Upload {@code n}'s bytes: a landscape with "#n" after its end. */
    byte[] photo(int n) {
        return append(landscapes.get(n % landscapes.size()), "#" + n);
    }

    static byte[] append(byte[] file, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + tail.length());
        out.writeBytes(file);
        out.writeBytes(tail.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Reserves and PUTs; {@code null} if the client gave up. */
    Prepared prepare(UUID gallery, int n, byte[] bytes, long deadlineNanos) {
        try {
            FaultClient.Answer reserved = owner.call(
                    "POST",
                    "/api/uploads",
                    JSON.writeValueAsString(Map.of(
                            "filename",
                            "faults-" + n + ".jpg",
                            "contentType",
                            "image/jpeg",
                            "size",
                            bytes.length,
                            "galleryId",
                            gallery.toString())),
                    deadlineNanos);
            if (reserved.status() != 201) {
                return gaveUp(n, "reserve answered " + reserved.status() + " " + Journal.shorten(reserved.body()));
            }
            JsonNode presigned = JSON.readTree(reserved.body());
            UUID id = UUID.fromString(presigned.get("uploadId").asText());
            requested.add(id);
            Map<String, String> headers = new HashMap<>();
            presigned
                    .path("headers")
                    .properties()
                    .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
            headers.putIfAbsent("Content-Type", "image/jpeg");
            FaultClient.Answer put =
                    owner.callPut(presigned.get("presignedUrl").asText(), headers, bytes, deadlineNanos);
            if (put.status() != 200) {
                return gaveUp(n, "PUT answered " + put.status() + " " + Journal.shorten(put.body()));
            }
            return new Prepared(n, id);
        } catch (IOException | RuntimeException e) {
            return gaveUp(n, "reserve/PUT: " + e);
        }
    }

    /** Confirms; {@code true} once Vitrine took it. */
    boolean confirm(Prepared upload, long deadlineNanos) {
        try {
            FaultClient.Answer answer =
                    owner.call("POST", "/api/uploads/" + upload.id() + "/confirm", null, deadlineNanos);
            boolean taken = answer.status() == 202
                    || (answer.status() == 409 && answer.body().contains("upload_already_confirmed"));
            if (!taken) {
                gaveUp(upload.n(), "confirm answered " + answer.status() + " " + Journal.shorten(answer.body()));
                return false;
            }
            confirmedAt.put(upload.id(), System.nanoTime());
            confirmedWall.put(upload.id(), Instant.now());
            confirmed.add(upload.id());
            return true;
        } catch (IOException | RuntimeException e) {
            gaveUp(upload.n(), "confirm: " + e);
            return false;
        }
    }

    /** The whole conversation of one upload; its id once confirmed, else {@code null}. */
    UUID upload(UUID gallery, int n, byte[] bytes, long deadlineNanos) {
        Prepared prepared = prepare(gallery, n, bytes, deadlineNanos);
        return prepared != null && confirm(prepared, deadlineNanos) ? prepared.id() : null;
    }

    private Prepared gaveUp(int n, String why) {
        failed.add("upload " + n + ": " + why);
        journal.note("gave up on upload " + n + ": " + why);
        return null;
    }
}
