package dev.vitrine.eventlog.webhook;

import dev.vitrine.api.webhook.WebhookDeliveryView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads an endpoint's deliveries with their attempts, for its owner. */
@Component
class DeliveryLog {

    private final JdbcTemplate jdbc;

    DeliveryLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<WebhookDeliveryView> of(UUID webhookId, int limit) {
        Map<Long, WebhookDeliveryView> deliveries = new LinkedHashMap<>();
        jdbc.query(
                """
                SELECT d.id, l.event_id, l.public_type, d.position, d.gallery_id, d.status, d.attempts,
                       d.next_attempt_at, d.delivered_at
                FROM webhook_delivery d JOIN event_log l ON l.position = d.position
                WHERE d.webhook_id = ? ORDER BY d.position DESC LIMIT ?""",
                rs -> {
                    deliveries.put(
                            rs.getLong(1),
                            new WebhookDeliveryView(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getLong(4),
                                    rs.getObject(5, UUID.class),
                                    rs.getString(6),
                                    rs.getInt(7),
                                    instant(rs.getTimestamp(8)),
                                    instant(rs.getTimestamp(9)),
                                    new ArrayList<>()));
                },
                webhookId,
                limit);
        if (deliveries.isEmpty()) {
            return List.of();
        }
        jdbc.query(
                con -> {
                    var query = con.prepareStatement("SELECT delivery_id, attempt, at, status, error, duration_ms FROM"
                            + " webhook_attempt WHERE delivery_id = ANY (?) ORDER BY delivery_id, attempt");
                    query.setArray(
                            1, con.createArrayOf("bigint", deliveries.keySet().toArray()));
                    return query;
                },
                rs -> {
                    deliveries
                            .get(rs.getLong(1))
                            .log()
                            .add(new WebhookDeliveryView.Attempt(
                                    rs.getInt(2),
                                    instant(rs.getTimestamp(3)),
                                    (Integer) rs.getObject(4),
                                    DeliveryError.shown(rs.getString(5)),
                                    rs.getInt(6)));
                });
        return List.copyOf(deliveries.values());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
