package dev.vitrine.eventlog.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed delivery is tried again for about three days, sooner or later when the endpoint asks. */
class RetryPlanTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    final WebhookSettings defaults = new WebhookSettings(
            List.of(
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(30),
                    Duration.ofHours(2),
                    Duration.ofHours(5),
                    Duration.ofHours(10),
                    Duration.ofHours(14),
                    Duration.ofHours(20),
                    Duration.ofHours(24)),
            Duration.ofSeconds(10),
            Duration.ofHours(24),
            Duration.ofMillis(250),
            16);

    @Test
    void the_default_delays_span_about_three_days() {
        Duration total = defaults.retryDelays().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(70), Duration.ofHours(80));
    }

    @Test
    void each_retry_waits_the_next_delay_and_after_the_last_there_is_none() {
        assertThat(RetryPlan.next(defaults, 0, null, NOW)).isEqualTo(NOW.plusSeconds(5));
        assertThat(RetryPlan.next(defaults, 1, null, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(RetryPlan.next(defaults, 8, null, NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(RetryPlan.next(defaults, 9, null, NOW)).isNull();
    }

    @Test
    void retry_after_in_seconds_or_as_a_date_is_honoured_up_to_a_day() {
        assertThat(RetryPlan.next(defaults, 0, "120", NOW)).isEqualTo(NOW.plusSeconds(120));
        assertThat(RetryPlan.next(defaults, 0, "Tue, 01 Dec 2026 10:30:00 GMT", NOW))
                .isEqualTo(NOW.plusSeconds(1800));
        assertThat(RetryPlan.next(defaults, 0, "999999", NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(RetryPlan.next(defaults, 0, "soon", NOW)).isEqualTo(NOW.plusSeconds(5));
    }
}
