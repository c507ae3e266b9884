package dev.vitrine.app.security;

import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The CSRF token's cookie (readable by the web client's script, which echoes it as a header), marked
 * {@code Secure} whenever the request came over https, including through a TLS-terminating proxy the app trusts
 * (its forwarded headers make the request's scheme https). Spring's own repository looks only at a TLS connection
 * of its own, which a proxied app never has.
 */
final class CsrfCookies implements ServerCsrfTokenRepository {

    private final CookieServerCsrfTokenRepository overHttps = readableByScript(true);
    private final CookieServerCsrfTokenRepository overHttp = readableByScript(false);

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        return forRequest(exchange).generateToken(exchange);
    }

    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return forRequest(exchange).saveToken(exchange, token);
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        return forRequest(exchange).loadToken(exchange);
    }

    private CookieServerCsrfTokenRepository forRequest(ServerWebExchange exchange) {
        return "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme()) ? overHttps : overHttp;
    }

    private static CookieServerCsrfTokenRepository readableByScript(boolean secure) {
        CookieServerCsrfTokenRepository repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        repository.setSecure(secure);
        return repository;
    }
}
