package dev.vitrine.app.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring Security writes the XSRF-TOKEN cookie only when something asks for the token; the web client reads it
 * from the cookie, so responses to a signed-in session (and to signing in) ask for it. Other responses carry no
 * cookie: an anonymous read stays cacheable by a CDN, which will not keep a response that sets one.
 */
class CsrfCookieFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null
                || !(exchange.getRequest().getPath().value().startsWith("/api/session")
                        || exchange.getRequest().getCookies().containsKey("SESSION"))) {
            return chain.filter(exchange);
        }
        return token.then(chain.filter(exchange));
    }
}
