package dev.vitrine.api.error;

import java.time.Duration;

/** Too many, too fast: refused with {@link ErrorCode#RATE_LIMITED}, and told when trying again will work. */
public class RateLimitedException extends RejectedException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, null, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
