package dev.vitrine.eventlog.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each event's hash covers everything stored of it and the hash before it. */
class EventChainTest {

    static final EventChain.Link FIRST = new EventChain.Link(
            "gallery-1",
            0,
            "event-1",
            "dev.vitrine.api.gallery.event.GalleryCreated",
            "1",
            "2026-12-01T10:00:00.000Z",
            "{\"name\":\"Trams\"}".getBytes(StandardCharsets.UTF_8),
            Map.of("actorId", "alice", "correlationId", "c1"));

    @Test
    void the_same_event_after_the_same_hash_always_hashes_alike() {
        assertThat(EventChain.hash("", FIRST)).hasSize(64).isEqualTo(EventChain.hash("", FIRST));
    }

    @Test
    void any_change_to_what_is_stored_changes_the_hash() {
        String hash = EventChain.hash("", FIRST);
        assertThat(EventChain.hash("x", FIRST)).isNotEqualTo(hash);
        assertThat(EventChain.hash(
                        "",
                        new EventChain.Link(
                                "gallery-1",
                                0,
                                "event-1",
                                FIRST.payloadType(),
                                "1",
                                FIRST.timestamp(),
                                "{\"name\":\"Buses\"}".getBytes(StandardCharsets.UTF_8),
                                FIRST.metadata())))
                .isNotEqualTo(hash);
        assertThat(EventChain.hash(
                        "",
                        new EventChain.Link(
                                "gallery-1",
                                1,
                                "event-1",
                                FIRST.payloadType(),
                                "1",
                                FIRST.timestamp(),
                                FIRST.payload(),
                                FIRST.metadata())))
                .isNotEqualTo(hash);
        assertThat(EventChain.hash(
                        "",
                        new EventChain.Link(
                                "gallery-1",
                                0,
                                "event-1",
                                FIRST.payloadType(),
                                "1",
                                FIRST.timestamp(),
                                FIRST.payload(),
                                Map.of("actorId", "mallory", "correlationId", "c1"))))
                .isNotEqualTo(hash);
    }

    @Test
    void the_hash_itself_and_the_order_of_metadata_keys_do_not_count() {
        String hash = EventChain.hash("", FIRST);
        var stored = new LinkedHashMap<String, Object>();
        stored.put("hash", hash);
        stored.put("correlationId", "c1");
        stored.put("actorId", "alice");
        assertThat(EventChain.hash(
                        "",
                        new EventChain.Link(
                                "gallery-1",
                                0,
                                "event-1",
                                FIRST.payloadType(),
                                "1",
                                FIRST.timestamp(),
                                FIRST.payload(),
                                stored)))
                .isEqualTo(hash);
    }
}
