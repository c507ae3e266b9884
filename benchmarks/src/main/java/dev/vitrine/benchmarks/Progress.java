package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A gallery's images as its owner sees them through the API, polled every second or so by a thread of its own
 * (while a node is down the polls just fail). Notes when each image was first seen complete — published, with its
 * eight variants and a BlurHash — and anything listed twice.
 */
final class Progress implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One image as last listed. */
    record Seen(String status, String problem, boolean complete, boolean variantTwice) {}

    private final FaultClient owner;
    private final UUID gallery;
    private final Duration interval;
    private final Map<UUID, Seen> images = new ConcurrentHashMap<>();
    private final Map<UUID, Long> completedAt = new ConcurrentHashMap<>();
    /** When each was first seen published (its WebP set: what people wait for). */
    private final Map<UUID, Long> publishedAt = new ConcurrentHashMap<>();
    /** When each was first seen complete or in a state it does not leave by itself (rejected, stalled). */
    private final Map<UUID, Long> settledAt = new ConcurrentHashMap<>();

    private volatile long listedTwice;
    private volatile boolean running;
    private Thread thread;

    Progress(FaultClient owner, UUID gallery, Duration interval) {
        this.owner = owner;
        this.gallery = gallery;
        this.interval = interval;
    }

    Progress start() {
        running = true;
        thread = Thread.ofVirtual().name("progress-" + gallery).start(() -> {
            while (running) {
                poll();
                FaultClient.sleep(interval);
            }
        });
        return this;
    }

    /** One pass over every page; {@code false} if it could not be read whole. */
    synchronized boolean poll() {
        long at = System.nanoTime();
        String cursor = null;
        Set<UUID> listed = new HashSet<>();
        long twice = 0;
        try {
            do {
                String path = "/api/galleries/" + gallery + "/images?limit=100"
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                FaultClient.Answer answer = owner.send("GET", path, null, Duration.ofSeconds(10));
                if (answer.status() != 200) {
                    return false;
                }
                JsonNode page = JSON.readTree(answer.body());
                for (JsonNode image : page.get("images")) {
                    UUID id = UUID.fromString(image.get("id").asText());
                    if (!listed.add(id)) {
                        twice++;
                    }
                    Seen seen = seen(image);
                    images.put(id, seen);
                    if (seen.complete()) {
                        completedAt.putIfAbsent(id, at);
                    }
                    if (seen.status().equals("published")) {
                        publishedAt.putIfAbsent(id, at);
                    }
                    if (seen.complete()
                            || seen.status().equals("rejected")
                            || seen.status().equals("stalled")) {
                        settledAt.putIfAbsent(id, at);
                    }
                }
                JsonNode pagination = page.get("pagination");
                cursor = pagination.path("hasMore").asBoolean()
                                && !pagination.path("cursor").isNull()
                        ? pagination.path("cursor").asText()
                        : null;
            } while (cursor != null);
            listedTwice = twice;
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Seen seen(JsonNode image) {
        Set<String> kinds = new HashSet<>();
        int variants = 0;
        for (JsonNode variant : image.path("variants")) {
            variants++;
            kinds.add(
                    variant.path("size").asText() + "/" + variant.path("format").asText());
        }
        String status = image.path("status").asText();
        String problem = image.path("problem").isObject()
                ? image.path("problem").path("code").asText()
                : null;
        boolean complete = status.equals("published")
                && kinds.size() == 8
                && variants == 8
                && !image.path("blurhash").isNull()
                && !image.path("blurhash").asText().isEmpty();
        return new Seen(status, problem, complete, variants > kinds.size());
    }

    /**
     * Waits until every one of {@code ids} is complete or will not be (rejected, stalled), or the deadline; answers
     * whether they all are complete.
     */
    boolean awaitSettled(Collection<UUID> ids, long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos && settled(ids) < ids.size()) {
            FaultClient.sleep(Duration.ofMillis(200));
        }
        return completed(ids) == ids.size();
    }

    int settled(Collection<UUID> ids) {
        return (int) ids.stream().filter(settledAt::containsKey).count();
    }

    int completed(Collection<UUID> ids) {
        return (int) ids.stream().filter(completedAt::containsKey).count();
    }

    /** When the last of {@code ids} was first seen complete (nanoTime), if they all were. */
    Long lastCompletion(Collection<UUID> ids) {
        return last(completedAt, ids);
    }

    /** When the last of {@code ids} was first seen complete or final (nanoTime), if they all were. */
    Long lastSettled(Collection<UUID> ids) {
        return last(settledAt, ids);
    }

    private static Long last(Map<UUID, Long> times, Collection<UUID> ids) {
        long last = Long.MIN_VALUE;
        for (UUID id : ids) {
            Long at = times.get(id);
            if (at == null) {
                return null;
            }
            last = Math.max(last, at);
        }
        return last == Long.MIN_VALUE ? null : last;
    }

    /** When the image was first listed published (nanoTime of the listing), or null. */
    Long publishedAt(UUID id) {
        return publishedAt.get(id);
    }

    Seen seen(UUID id) {
        return images.get(id);
    }

    /** Images in the gallery the client never asked for, images listed twice, images with a variant listed twice. */
    long duplicates(Set<UUID> requested) {
        long strangers =
                images.keySet().stream().filter(id -> !requested.contains(id)).count();
        long variantTwice = images.values().stream().filter(Seen::variantTwice).count();
        return strangers + listedTwice + variantTwice;
    }

    /** How the images among {@code ids} that are not complete stand, e.g. "3 processing, 1 rejected/x". */
    String unfinished(Collection<UUID> ids) {
        Map<String, Integer> counts = new TreeMap<>();
        for (UUID id : ids) {
            if (completedAt.containsKey(id)) {
                continue;
            }
            Seen seen = images.get(id);
            String key =
                    seen == null ? "not listed" : seen.status() + (seen.problem() == null ? "" : "/" + seen.problem());
            counts.merge(key, 1, Integer::sum);
        }
        return counts.isEmpty() ? "" : counts.toString().replaceAll("[{}]", "");
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(Duration.ofSeconds(30));
        }
    }
}
