package dev.vitrine.api.metadata;

/**
 * Keys of the metadata every stored event carries: part of the public event schema, so never renamed.
 * <ul>
 *   <li>{@code actorId}: the user whose request caused the event, or "system" for Vitrine's own policies;</li>
 *   <li>{@code correlationId}: shared by every message that one request (or one policy run) caused;</li>
 *   <li>{@code causationId}: the id of the message whose handling produced this one;</li>
 *   <li>{@code requestId}: the client's {@code X-Request-Id}, when it sent one;</li>
 *   <li>{@code reason}: why, when the event was caused by a policy rather than a direct request.</li>
 * </ul>
 */
public final class EventMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String REQUEST_ID = "requestId";
    public static final String REASON = "reason";

    public static final String SYSTEM_ACTOR = "system";

    private EventMetadata() {}
}
