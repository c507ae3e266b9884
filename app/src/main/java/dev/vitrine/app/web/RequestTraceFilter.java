package dev.vitrine.app.web;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id (returned as {@code X-Correlation-Id}) and keeps the client's own
 * {@code X-Request-Id}; both end up in the metadata of every event the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after the security headers
class RequestTraceFilter implements WebFilter {

    private static final Pattern VALID_REQUEST_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String correlationId = UUID.randomUUID().toString();
        String requestId = exchange.getRequest().getHeaders().getFirst(RequestTrace.REQUEST_HEADER);
        exchange.getAttributes().put(RequestTrace.ATTRIBUTE, new RequestTrace(correlationId, requestId));
        exchange.getResponse().getHeaders().set(RequestTrace.CORRELATION_HEADER, correlationId);
        if (requestId != null && !VALID_REQUEST_ID.matcher(requestId).matches()) {
            return Mono.error(new RejectedException(
                    ErrorCode.INVALID_HEADER,
                    RequestTrace.REQUEST_HEADER,
                    "must be 1 to 128 printable ASCII characters without spaces"));
        }
        if (requestId != null) {
            exchange.getResponse().getHeaders().set(RequestTrace.REQUEST_HEADER, requestId);
        }
        return chain.filter(exchange);
    }
}
