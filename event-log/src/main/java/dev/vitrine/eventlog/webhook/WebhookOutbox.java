package dev.vitrine.eventlog.webhook;

import dev.vitrine.eventlog.log.LogListener;
import dev.vitrine.eventlog.log.LogRecord;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns each public event the log writes into one pending delivery per endpoint that wants it, in the log's own
 * transaction: an event is never delivered twice to one endpoint, nor missed.
 */
@Component
class WebhookOutbox implements LogListener {

    private final Webhooks webhooks;
    private final JdbcTemplate jdbc;

    WebhookOutbox(Webhooks webhooks, JdbcTemplate jdbc) {
        this.webhooks = webhooks;
        this.jdbc = jdbc;
    }

    @Override
    public void written(List<LogRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Webhook> endpoints = webhooks.active();
        List<Object[]> deliveries = new ArrayList<>();
        for (LogRecord record : records) {
            for (Webhook endpoint : endpoints) {
                if (endpoint.wants(record)) {
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
