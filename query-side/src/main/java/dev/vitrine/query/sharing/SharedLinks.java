package dev.vitrine.query.sharing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.sharing.LinkPasswords;
import dev.vitrine.api.sharing.ShareTokens;
import dev.vitrine.api.sharing.command.RecordShareLinkOpened;
import dev.vitrine.api.sharing.query.UnlockGrant;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What a share link opens for one request: the link its token names, if it opens its gallery now, and — for a link
 * with a password — only with a grant the right password gave (the cookie, or {@code Authorization: Bearer}).
 * Every shared route asks here on every request, so a revoked or expired link stops working at once, image
 * URLs included.
 */
@Component
class SharedLinks {

    /** The cookie holding a password link's grant, scoped to the link's own routes by its path. */
    static final String GRANT_COOKIE = "vitrine_share_grant";

    private static final String BEARER = "Bearer ";

    private final ShareLinkRows rows;
    private final LinkPasswords passwords;
    private final GrantSettings settings;
    private final CommandGateway commands;
    private final Cache<String, Boolean> recentOpens = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();

    SharedLinks(ShareLinkRows rows, LinkPasswords passwords, GrantSettings settings, CommandGateway commands) {
        this.rows = rows;
        this.passwords = passwords;
        this.settings = settings;
        this.commands = commands;
    }

    /**
     * The link, if it opens its gallery for this request: 404 for a token that names none, 410 for one revoked,
     * expired or whose gallery is deleted, 401 {@code password_required} without a valid grant — and nothing of
     * the gallery is told in any of them.
     */
    Mono<LinkRow> open(String token, ServerHttpRequest request) {
        return live(token).flatMap(link -> {
            if (!link.asksForPassword()) {
                return Mono.just(link);
            }
            return grantOf(request)
                    .map(grant -> rows.granted(ShareTokens.hash(grant), link.id(), Instant.now()))
                    .orElse(Mono.just(false))
                    .flatMap(granted -> granted
                            ? Mono.just(link)
                            : Mono.error(RejectedException.of(
                                    ErrorCode.PASSWORD_REQUIRED,
                                    "this link asks for a password: POST it to /api/shared/{token}/unlock")));
        });
    }

    /** A grant for the right password (any link that asks for none opens without one: it gets one all the same). */
    Mono<UnlockGrant> unlock(String token, String password) {
        return live(token)
                .flatMap(link -> check(link, password).flatMap(right -> {
                    if (!right) {
                        return Mono.error(
                                RejectedException.of(ErrorCode.PASSWORD_INCORRECT, "that is not the password"));
                    }
                    String grant = ShareTokens.generate();
                    Instant expiresAt = Instant.now().plus(settings.grantLifetime());
                    return rows.grant(ShareTokens.hash(grant), link.id(), expiresAt)
                            .thenReturn(new UnlockGrant(grant, expiresAt));
                }));
    }

    /** Counts an open of the gallery through the link: once per visitor and hour on a node, not per page or image. */
    void opened(LinkRow link, ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String visitor =
                link.id() + "|" + (remote == null ? "?" : remote.getAddress().getHostAddress());
        if (recentOpens.asMap().putIfAbsent(visitor, Boolean.TRUE) == null) {
            // Axon runs the handler and its JDBC on the sending thread: never the event loop this is called on
            Schedulers.boundedElastic().schedule(() -> commands.send(new RecordShareLinkOpened(link.id())));
        }
    }

    Duration grantLifetime() {
        return settings.grantLifetime();
    }

    private Mono<LinkRow> live(String token) {
        if (!ShareTokens.isWellFormed(token)) {
            return Mono.error(notFound());
        }
        Instant now = Instant.now();
        return rows.byTokenHash(ShareTokens.hash(token))
                .switchIfEmpty(Mono.error(SharedLinks::notFound))
                .doOnNext(link -> link.requireOpen(now));
    }

    private Mono<Boolean> check(LinkRow link, String password) {
        if (!link.asksForPassword()) {
            return Mono.just(true);
        }
        return Mono.fromCallable(() -> passwords.matches(password, link.passwordHash()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Optional<String> grantOf(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.startsWith(BEARER)) {
            return Optional.of(authorization.substring(BEARER.length()).trim()).filter(ShareTokens::isWellFormed);
        }
        return Optional.ofNullable(request.getCookies().getFirst(GRANT_COOKIE))
                .map(HttpCookie::getValue)
                .filter(ShareTokens::isWellFormed);
    }

    private static RejectedException notFound() {
        return RejectedException.of(ErrorCode.SHARE_LINK_NOT_FOUND, "no share link with this token");
    }
}
