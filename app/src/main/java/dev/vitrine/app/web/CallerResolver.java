package dev.vitrine.app.web;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.operations.PublicAddress;
import dev.vitrine.app.account.AccountUser;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves a controller's {@link Caller} argument from Spring Security's context and the request's trace ids, so
 * that the command and query sides know who asks without knowing how people sign in.
 */
class CallerResolver implements HandlerMethodArgumentResolver {

    private final PublicAddress address;

    CallerResolver(PublicAddress address) {
        this.address = address;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        RequestTrace trace = RequestTrace.of(exchange);
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(authentication -> authentication.getPrincipal() instanceof AccountUser)
                .map(authentication -> ((AccountUser) authentication.getPrincipal()).actor())
                .defaultIfEmpty(Actor.anonymous())
                .map(actor -> new Caller(
                        actor,
                        trace.correlationId(),
                        trace.requestId(),
                        address.origin(exchange.getRequest().getURI())));
    }
}
