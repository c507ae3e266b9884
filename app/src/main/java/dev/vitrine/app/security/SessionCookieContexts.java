package dev.vitrine.app.security;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The web client's sign-in, kept in its session; a request without a session cookie has no session to look in, so
 * none is looked up. Spring's in-memory session store creates a session with two thread hops (its id comes from a
 * SecureRandom): doing that on every anonymous read cost most of a cached read's time.
 */
final class SessionCookieContexts implements ServerSecurityContextRepository {

    private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(SessionCookieWrites.SESSION_COOKIE)
                ? sessions.load(exchange)
                : Mono.empty();
    }
}
