package dev.vitrine.api.identity;

/**
 * One HTTP request's identity and tracing: who calls, the correlation id Vitrine gave the request, the client's own
 * request id ({@code X-Request-Id}) when it sent one, and the origin the URLs of its answer start with
 * ({@link dev.vitrine.api.operations.PublicAddress#origin}). The app resolves it for every controller method that
 * declares it.
 */
public record Caller(Actor actor, String correlationId, String requestId, String origin) {}
