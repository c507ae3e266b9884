package dev.vitrine.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last word on every failed request: a JSON {error, path, message} with the right status, and never a stack
 * trace. Unexpected failures are logged with the request's correlation id, which the answer quotes.
 */
@Component
@Order(-2)
public class ApiErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final ObjectMapper json;

    ApiErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ApiProblem problem = ProblemTranslator.translate(failure).orElseGet(() -> unexpected(exchange, failure));
        if (problem.body().error() == ErrorCode.SERVICE_UNAVAILABLE) {
            unavailable(exchange, failure);
        }
        return write(response, problem);
    }

    public Mono<Void> write(ServerHttpResponse response, ApiProblem problem) {
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (problem.retryAfter() != null) {
            // whole seconds, rounded up: trying again at once after a rounded-down wait would only fail again
            long seconds = Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        try {
            byte[] body = json.writeValueAsBytes(problem.body());
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    /**
     * One line, no stack trace: during an outage every request fails the same way, and the cause that names the
     * service (a refused connection, a timed-out pool) is what an operator needs.
     */
    private static void unavailable(ServerWebExchange exchange, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        RequestTrace trace = RequestTrace.of(exchange);
        log.warn(
                "Request {} {} answered 503 (correlation id {}): {}: {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                trace == null ? "none" : trace.correlationId(),
                root.getClass().getName(),
                root.getMessage());
    }

    private static ApiProblem unexpected(ServerWebExchange exchange, Throwable failure) {
        RequestTrace trace = RequestTrace.of(exchange);
        String correlationId = trace == null ? "none" : trace.correlationId();
        log.error(
                "Request {} {} failed (correlation id {})",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                correlationId,
                failure);
        return ApiProblem.of(
                ErrorCode.INTERNAL_ERROR,
                null,
                "something went wrong on our side; quote correlation id " + correlationId);
    }
}
