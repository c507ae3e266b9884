package dev.vitrine.app.security;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.app.web.ApiErrorHandler;
import dev.vitrine.app.web.ApiProblem;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 in the API's error shape. API clients are told to use Basic; the web client (which sends
 * {@code X-Requested-With}) is not, so the browser never pops up its own password dialog.
 */
class JsonAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ApiErrorHandler errors;

    JsonAuthenticationEntryPoint(ApiErrorHandler errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean badCredentials = exchange.getRequest().getHeaders().containsKey("Authorization");
        if (!exchange.getRequest().getHeaders().containsKey("X-Requested-With")) {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Basic realm=\"Vitrine\"");
        }
        return errors.write(
                exchange.getResponse(),
                ApiProblem.of(
                        ErrorCode.UNAUTHENTICATED,
                        null,
                        badCredentials
                                ? "wrong username or password"
                                : "sign in first (HTTP Basic or POST /api/session)"));
    }
}
