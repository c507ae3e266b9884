package dev.vitrine.app.web;

import org.springframework.web.server.ServerWebExchange;

/** The ids that follow one HTTP request into the events it causes and back to the client. */
public record RequestTrace(String correlationId, String requestId) {

    static final String ATTRIBUTE = RequestTrace.class.getName();
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String REQUEST_HEADER = "X-Request-Id";

    public static RequestTrace of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
