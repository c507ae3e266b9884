package dev.vitrine.app.security;

import dev.vitrine.app.account.AccountUser;
import dev.vitrine.app.account.Accounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The web client's sign-in, kept in its session. A session says only who signed in: what that account may do is
 * read from the account on every request, so a role taken back, a password changed (which ends the account's
 * other sessions) or an account deleted takes effect on the next request. A session past its absolute lifetime is
 * over however active it was. A request without a session cookie has no session to look in, so none is looked up
 * (creating one costs most of a cached read's time).
 */
final class SessionCookieContexts implements ServerSecurityContextRepository {

    private final WebSessionServerSecurityContextRepository stored = new WebSessionServerSecurityContextRepository();
    private final Accounts accounts;
    private final Sessions sessions;

    SessionCookieContexts(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return stored.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        if (!exchange.getRequest().getCookies().containsKey(SessionCookieWrites.SESSION_COOKIE)) {
            return Mono.empty();
        }
        return exchange.getSession()
                .flatMap(session -> sessions.tooOld(session.getCreationTime())
                        ? session.invalidate().then(Mono.empty())
                        : stored.load(exchange).flatMap(context -> current(context, session)));
    }

    /** The account as it is now, or no sign-in at all (and no session) if it is gone. */
    private Mono<SecurityContext> current(SecurityContext context, WebSession session) {
        if (context.getAuthentication() == null
                || !(context.getAuthentication().getPrincipal() instanceof AccountUser signedIn)) {
            return Mono.empty();
        }
        return accounts.findById(signedIn.id())
                .map(account -> {
                    AccountUser now = account.withoutPassword();
                    return (SecurityContext) new SecurityContextImpl(
                            UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
                })
                .switchIfEmpty(Mono.defer(() -> session.invalidate().then(Mono.empty())));
    }
}
