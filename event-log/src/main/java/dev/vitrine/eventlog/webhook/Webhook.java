package dev.vitrine.eventlog.webhook;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.webhook.WebhookView;
import dev.vitrine.eventlog.log.LogRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A registered endpoint, and which events it gets. */
record Webhook(
        UUID id,
        UUID ownerId,
        String url,
        List<String> types,
        UUID galleryId,
        String secret,
        boolean privateNetworkAllowed,
        String status,
        String disabledReason,
        Instant createdAt) {

    boolean active() {
        return "active".equals(status);
    }

    /**
     * Whether this endpoint is to receive {@code record}: its types, its gallery, and what its owner may see now
     * ({@code owner}: the owner's rights as they stand; empty once the account is deleted, and then nothing).
     */
    boolean wants(LogRecord record, Optional<Actor> owner) {
        return active()
                && (types.isEmpty() || types.contains(record.type()))
                && (galleryId == null || galleryId.equals(record.galleryId()))
                && owner.filter(record::mayReach).isPresent();
    }

    WebhookView view(boolean withSecret) {
        return new WebhookView(
                id, url, types, galleryId, status, disabledReason, createdAt, withSecret ? secret : null);
    }
}
