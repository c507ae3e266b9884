package dev.vitrine.app.web;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import io.micrometer.context.ContextRegistry;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every request a correlation id (returned as {@code X-Correlation-Id}) and keeps the client's own
 * {@code X-Request-Id}; both end up in the metadata of every event the request causes. The correlation id is in the
 * MDC of every log line written for the request ({@code correlationId}, beside the trace's ids), on whichever
 * thread the request's work runs (Reactor's automatic context propagation restores it).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after the security headers
class RequestTraceFilter implements WebFilter {

    static final String MDC_KEY = "correlationId";

    static {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        MDC_KEY, () -> MDC.get(MDC_KEY), id -> MDC.put(MDC_KEY, id), () -> MDC.remove(MDC_KEY));
    }

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
        return chain.filter(exchange).contextWrite(Context.of(MDC_KEY, correlationId));
    }
}
