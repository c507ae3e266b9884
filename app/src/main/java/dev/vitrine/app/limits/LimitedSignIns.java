package dev.vitrine.app.limits;

import dev.vitrine.api.error.RateLimitedException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Password guessing is slowed down, whether by Basic credentials or the sign-in form: each failed sign-in counts
 * against the username and against the client's address, and once either is used up the next attempt is refused
 * (429) before any password is hashed, until the count has come back. Successes cost nothing.
 */
public final class LimitedSignIns implements ReactiveAuthenticationManager {

    private final ReactiveAuthenticationManager authentication;
    private final RateLimiter limiter;
    private final LimitSettings settings;

    public LimitedSignIns(ReactiveAuthenticationManager authentication, RateLimiter limiter, LimitSettings settings) {
        this.authentication = authentication;
        this.limiter = limiter;
        this.settings = settings;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        String account = "sign-in:account:" + attempt.getName().toLowerCase(Locale.ROOT);
        return ClientAddress.current().flatMap(address -> {
            String from = "sign-in:address:" + address;
            return limiter.exhausted(account, settings.signInFailuresPerAccount())
                    .zipWith(limiter.exhausted(from, settings.signInFailuresPerAddress()))
                    .flatMap(waits -> longest(waits.getT1(), waits.getT2())
                            .<Mono<Authentication>>map(wait -> Mono.error(
                                    new RateLimitedException("too many failed sign-ins; try again later", wait)))
                            .orElseGet(() -> authentication
                                    .authenticate(attempt)
                                    .onErrorResume(
                                            BadCredentialsException.class,
                                            failed -> limiter.take(account, settings.signInFailuresPerAccount())
                                                    .then(limiter.take(from, settings.signInFailuresPerAddress()))
                                                    .then(Mono.error(failed)))));
        });
    }

    private static Optional<Duration> longest(Optional<Duration> one, Optional<Duration> other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.isEmpty() || one.get().compareTo(other.get()) >= 0 ? one : other;
    }
}
