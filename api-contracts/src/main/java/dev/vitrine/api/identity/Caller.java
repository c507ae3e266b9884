package dev.vitrine.api.identity;

import java.util.UUID;

/**
 * One HTTP request's identity and tracing: who calls, the correlation id Vitrine gave the request,
 * and the client's own request id ({@code X-Request-Id}) when it sent one.
 * The app resolves it for every controller method that declares it.
 */
public record Caller(Actor actor, String correlationId, String requestId) {

    public static Caller of(Actor actor) {
        return new Caller(actor, UUID.randomUUID().toString(), null);
    }
}
