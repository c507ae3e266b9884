package dev.vitrine.eventlog.webhook;

import dev.vitrine.api.identity.AccountRights;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.eventlog.log.LogListener;
import dev.vitrine.eventlog.log.LogRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns each public event the log writes into one pending delivery per endpoint that wants it, in the log's own
 * transaction: an event is never delivered twice to one endpoint, nor missed. What the endpoint's owner may see is
 * read now, and again when the delivery is sent ({@link WebhookDispatcher}).
 */
@Component
class WebhookOutbox implements LogListener {

    private final Webhooks webhooks;
    private final JdbcTemplate jdbc;
    private final AccountRights rights;

    WebhookOutbox(Webhooks webhooks, JdbcTemplate jdbc, AccountRights rights) {
        this.webhooks = webhooks;
        this.jdbc = jdbc;
        this.rights = rights;
    }

    @Override
    public void written(List<LogRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Webhook> endpoints = webhooks.active();
        Map<UUID, Optional<Actor>> owners = new HashMap<>();
        for (Webhook endpoint : endpoints) {
            owners.computeIfAbsent(endpoint.ownerId(), id -> rights.of(id).map(AccountRights.Standing::actor));
        }
        List<Object[]> deliveries = new ArrayList<>();
        for (LogRecord record : records) {
            for (Webhook endpoint : endpoints) {
                if (endpoint.wants(record, owners.get(endpoint.ownerId()))) {
                    deliveries.add(new Object[] {endpoint.id(), record.position(), record.galleryId()});
                }
            }
        }
        if (!deliveries.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO webhook_delivery (webhook_id, position, gallery_id) VALUES (?, ?, ?) "
                            + "ON CONFLICT DO NOTHING",
                    deliveries);
        }
    }
}
