package dev.vitrine.app.limits;

import dev.vitrine.api.error.RateLimitedException;
import dev.vitrine.api.sharing.ShareTokens;
import dev.vitrine.app.account.AccountUser;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The limits on what costs Vitrine most, applied before the request is handled, after Spring Security has said
 * who is asking: registrations per address (each costs a password hash), uploads requested and webhooks
 * registered per account, and event streams held open at once per caller. Over a limit: 429 with Retry-After.
 */
@Component
class RequestLimits implements WebFilter, Ordered {

    private final RateLimiter limiter;
    private final LimitSettings settings;
    private final ConcurrentHashMap<String, AtomicInteger> openStreams = new ConcurrentHashMap<>();

    RequestLimits(RateLimiter limiter, LimitSettings settings) {
        this.limiter = limiter;
        this.settings = settings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        HttpMethod method = request.getMethod();
        if (!settings.enabled()) {
            return chain.filter(exchange);
        }
        if (method == HttpMethod.POST && path.equals("/api/accounts")) {
            return limited(
                    "registrations:address:" + ClientAddress.of(exchange),
                    settings.registrationsPerAddress(),
                    "too many accounts registered from this address",
                    chain.filter(exchange));
        }
        if (method == HttpMethod.POST && path.equals("/api/uploads")) {
            return perAccount("uploads", settings.uploadsPerAccount(), "too many uploads", exchange, chain);
        }
        if (method == HttpMethod.POST && path.equals("/api/webhooks")) {
            return perAccount(
                    "webhooks", settings.webhooksPerAccount(), "too many webhooks registered", exchange, chain);
        }
        if (method == HttpMethod.POST && path.startsWith("/api/shared/") && path.endsWith("/unlock")) {
            // per link by the token's hash: the token itself is never written anywhere
            String link = ShareTokens.hash(path);
            return limited(
                    "unlocks:address:" + ClientAddress.of(exchange),
                    settings.unlocksPerAddress(),
                    "too many passwords tried from this address",
                    limited(
                            "unlocks:link:" + link,
                            settings.unlocksPerLink(),
                            "too many passwords tried on this link",
                            chain.filter(exchange)));
        }
        if (method == HttpMethod.GET && path.equals("/api/events/stream")) {
            return account()
                    .map(account -> "account:" + account)
                    .defaultIfEmpty("address:" + ClientAddress.of(exchange))
                    .flatMap(caller -> stream(caller, chain.filter(exchange)));
        }
        return chain.filter(exchange);
    }

    /** Counted per signed-in account; a request without one is Spring Security's to refuse. */
    private Mono<Void> perAccount(
            String what, Limit limit, String message, ServerWebExchange exchange, WebFilterChain chain) {
        return account()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(account -> account.isEmpty()
                        ? chain.filter(exchange)
                        : limited(what + ":account:" + account.get(), limit, message, chain.filter(exchange)));
    }

    private Mono<Void> limited(String key, Limit limit, String message, Mono<Void> handled) {
        return limiter.take(key, limit)
                .flatMap(wait -> wait.<Mono<Void>>map(d -> Mono.error(new RateLimitedException(message, d)))
                        .orElse(handled));
    }

    /** Streams are counted while they are open, on this node (a node's open connections are its own cost). */
    private Mono<Void> stream(String caller, Mono<Void> handled) {
        AtomicInteger open = openStreams.computeIfAbsent(caller, key -> new AtomicInteger());
        if (open.incrementAndGet() > settings.streamsPerCaller()) {
            release(caller, open);
            return Mono.error(new RateLimitedException(
                    "too many event streams open at once; close one first", Duration.ofSeconds(5)));
        }
        return handled.doFinally(signal -> release(caller, open));
    }

    private void release(String caller, AtomicInteger open) {
        if (open.decrementAndGet() <= 0) {
            openStreams.remove(caller, open);
        }
    }

    private static Mono<String> account() {
        return ReactiveSecurityContextHolder.getContext()
                .flatMap(context -> Mono.justOrEmpty(Optional.ofNullable(context.getAuthentication())))
                .filter(authentication -> authentication.getPrincipal() instanceof AccountUser)
                .map(authentication ->
                        ((AccountUser) authentication.getPrincipal()).id().toString());
    }

    /** After Spring Security (-100): it has said who is asking. */
    @Override
    public int getOrder() {
        return 0;
    }
}
