package dev.vitrine.api.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event's delivery to one endpoint: {@code pending} (with its next attempt), {@code delivered} or
 * {@code failed} (every attempt used), and each attempt made.
 */
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryView(
        long id,
        String eventId,
        String type,
        long position,
        UUID galleryId,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant deliveredAt,
        List<Attempt> log) {

    public record Attempt(int attempt, Instant at, Integer status, String error, int durationMs) {}
}
