package dev.vitrine.app.security;

import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The requests CSRF protection is for: ones that change something and are authenticated by a session cookie. */
class SessionCookieWrites implements ServerWebExchangeMatcher {

    static final String SESSION_COOKIE = "SESSION";
    private static final Set<HttpMethod> SAFE =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        boolean protect = !SAFE.contains(request.getMethod())
                && request.getCookies().containsKey(SESSION_COOKIE)
                && !request.getHeaders().containsKey("Authorization");
        return protect ? MatchResult.match() : MatchResult.notMatch();
    }
}
