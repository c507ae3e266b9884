package dev.vitrine.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The version stamp rule: an answer is kept under the version its scope had when it was looked up, so once the
 * scope moves on (a write), no answer from before is found again, even one computed from older rows and stored
 * after the write.
 */
class LocalReadCacheTest {

    static final Duration MINUTE = Duration.ofMinutes(1);
    final AtomicLong nanos = new AtomicLong();
    final LocalReadCache cache = new LocalReadCache(1024 * 1024, Duration.ofMinutes(10), nanos::get);
    final CacheScope gallery = CacheScope.gallery(UUID.randomUUID());
    final CacheScope other = CacheScope.gallery(UUID.randomUUID());

    static CachedAnswer answer(String body) {
        return new CachedAnswer(body.getBytes(StandardCharsets.UTF_8), "\"" + body + "\"", "public, max-age=10");
    }

    static String body(CacheLookup lookup) {
        assertThat(lookup.isHit()).as("a hit for " + lookup.key()).isTrue();
        return new String(lookup.hit().body(), StandardCharsets.UTF_8);
    }

    CacheLookup lookup(CacheScope scope, String key) {
        return cache.lookup(scope, key).block();
    }

    @Test
    void an_answer_stored_under_a_lookup_is_found_by_the_next() {
        CacheLookup miss = lookup(gallery, "k");
        assertThat(miss.isHit()).isFalse();
        cache.store(miss, answer("one"), MINUTE).block();
        assertThat(body(lookup(gallery, "k"))).isEqualTo("one");
        assertThat(lookup(gallery, "another key").isHit()).isFalse();
    }

    @Test
    void a_write_to_the_scope_makes_every_answer_of_it_unreachable_and_no_other() {
        cache.store(lookup(gallery, "a"), answer("a"), MINUTE).block();
        cache.store(lookup(gallery, "b"), answer("b"), MINUTE).block();
        cache.store(lookup(other, "a"), answer("other"), MINUTE).block();

        cache.invalidate(List.of(gallery)).block();

        assertThat(lookup(gallery, "a").isHit()).isFalse();
        assertThat(lookup(gallery, "b").isHit()).isFalse();
        assertThat(body(lookup(other, "a"))).isEqualTo("other");
    }

    @Test
    void an_answer_computed_before_a_write_and_stored_after_it_is_never_found() {
        CacheLookup before = lookup(gallery, "k"); // the answer is computed from rows read now ...
        cache.invalidate(List.of(gallery)).block(); // ... a write lands meanwhile ...
        cache.store(before, answer("stale"), MINUTE).block(); // ... and the old answer arrives late

        assertThat(lookup(gallery, "k").isHit()).isFalse();
    }

    @Test
    void a_lookup_without_a_stamp_stores_nothing() {
        cache.store(CacheLookup.unavailable(gallery, "k"), answer("k"), MINUTE).block();
        assertThat(lookup(gallery, "k").isHit()).isFalse();
    }

    @Test
    void an_answer_without_time_to_live_is_not_kept() {
        cache.store(lookup(gallery, "k"), answer("k"), Duration.ZERO).block();
        assertThat(lookup(gallery, "k").isHit()).isFalse();
    }

    @Test
    void clearing_drops_everything() {
        cache.store(lookup(gallery, "a"), answer("a"), MINUTE).block();
        cache.store(lookup(CacheScope.GALLERIES, "a"), answer("list"), MINUTE).block();
        cache.clear().block();
        assertThat(lookup(gallery, "a").isHit()).isFalse();
        assertThat(lookup(CacheScope.GALLERIES, "a").isHit()).isFalse();
    }

    @Test
    void reads_of_made_up_galleries_leave_nothing_behind_for_good() {
        for (int i = 0; i < 1000; i++) {
            lookup(CacheScope.gallery(UUID.randomUUID()), "k");
        }
        assertThat(cache.scopesKept()).isEqualTo(1000);
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        assertThat(cache.scopesKept()).isZero();
    }

    @Test
    void a_forgotten_version_starts_again_where_no_kept_answer_can_match() {
        CacheLookup before = lookup(gallery, "k");
        cache.store(before, answer("kept"), MINUTE).block();
        nanos.addAndGet(Duration.ofMinutes(11).toNanos()); // the version is forgotten; the answer is not yet gone
        CacheLookup after = lookup(gallery, "k");
        assertThat(after.stamp()).isNotEqualTo(before.stamp());
        assertThat(after.isHit()).isFalse();
    }

    @Test
    void an_answer_goes_to_the_store_and_back_unchanged() {
        CachedAnswer answer = answer("{\"images\":[]}");
        CachedAnswer back = CachedAnswer.decode(answer.encode());
        assertThat(back.body()).isEqualTo(answer.body());
        assertThat(back.etag()).isEqualTo(answer.etag());
        assertThat(back.cacheControl()).isEqualTo(answer.cacheControl());
    }
}
