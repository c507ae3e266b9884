package dev.vitrine.api.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered endpoint. {@code secret} (Standard Webhooks, {@code whsec_…}) is shown once, in the answer to the
 * registration; keep it to verify {@code webhook-signature}.
 */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        String url,
        List<String> types,
        UUID galleryId,
        String status,
        String disabledReason,
        Instant createdAt,
        String secret) {}
