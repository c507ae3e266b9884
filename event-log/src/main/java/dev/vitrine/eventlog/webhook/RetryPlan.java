package dev.vitrine.eventlog.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** When a failed delivery is tried again: after the next of the retry delays, or when the endpoint asked. */
final class RetryPlan {

    private RetryPlan() {}

    /**
     * @param attemptsBefore attempts made before the one that just failed
     * @return the next attempt's time, or null when every retry is used up
     */
    static Instant next(WebhookSettings settings, int attemptsBefore, String retryAfter, Instant now) {
        if (attemptsBefore >= settings.retryDelays().size()) {
            return null;
        }
        Duration delay = settings.retryDelays().get(attemptsBefore);
        Duration asked = asked(retryAfter, now);
        if (asked != null) {
            delay = asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked;
        }
        return now.plus(delay);
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration asked(String retryAfter, Instant now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
