package dev.vitrine.eventlog.webhook;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The delivery table: which deliveries are due, and what became of each attempt. A delivery is due when its time
 * came and it is the oldest pending one of its endpoint and gallery: events of one gallery arrive in order.
 */
@Component
class Deliveries {

    record Due(long id, UUID webhookId, long position, int attempts) {}

    private final JdbcTemplate jdbc;

    Deliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Leases up to {@code limit} due deliveries to this node for {@code lease}, the longest waiting first, and no
     * more than {@code perEndpoint} of one endpoint at once (those it has leased already count): an endpoint with
     * many galleries waiting, slow or failing, does not take every place.
     */
    List<Due> lease(int limit, int perEndpoint, Duration lease) {
        return jdbc.query(
                """
                WITH busy AS (
                    SELECT webhook_id, count(*) AS leased FROM webhook_delivery
                    WHERE status = 'pending' AND leased_until >= now()
                    GROUP BY webhook_id),
                due AS (
                    SELECT d.id, d.next_attempt_at, d.position,
                           coalesce(busy.leased, 0)
                               + row_number() OVER (PARTITION BY d.webhook_id ORDER BY d.next_attempt_at, d.position)
                               AS place
                    FROM webhook_delivery d
                    JOIN webhook w ON w.id = d.webhook_id AND w.status = 'active'
                    LEFT JOIN busy ON busy.webhook_id = d.webhook_id
                    WHERE d.status = 'pending' AND d.next_attempt_at <= now()
                      AND (d.leased_until IS NULL OR d.leased_until < now())
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery earlier
                                      WHERE earlier.webhook_id = d.webhook_id AND earlier.gallery_id = d.gallery_id
                                        AND earlier.status = 'pending' AND earlier.position < d.position))
                UPDATE webhook_delivery SET leased_until = now() + make_interval(secs => ?)
                WHERE id IN (
                    -- the conditions again beside the lock: a row another node leased meanwhile is skipped
                    SELECT d.id FROM webhook_delivery d
                    WHERE d.id IN (SELECT id FROM due WHERE place <= ? ORDER BY next_attempt_at, position LIMIT ?)
                      AND d.status = 'pending' AND (d.leased_until IS NULL OR d.leased_until < now())
                    FOR UPDATE OF d SKIP LOCKED)
                RETURNING id, webhook_id, position, attempts""",
                (rs, n) -> new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3), rs.getInt(4)),
                lease.toMillis() / 1000.0,
                perEndpoint,
                limit);
    }

    void delivered(Due due, int status, int millis) {
        record(due, status, null, millis);
        jdbc.update(
                "UPDATE webhook_delivery SET status = 'delivered', attempts = ?, last_status = ?, last_error = NULL,"
                        + " delivered_at = now(), leased_until = NULL WHERE id = ?",
                due.attempts() + 1,
                status,
                due.id());
    }

    /** A failed attempt: tried again at {@code next}, or failed for good when there is no next. */
    void failed(Due due, Integer status, String error, int millis, Instant next) {
        record(due, status, error, millis);
        jdbc.update(
                "UPDATE webhook_delivery SET status = ?, attempts = ?, last_status = ?, last_error = ?,"
                        + " next_attempt_at = coalesce(?, next_attempt_at), leased_until = NULL WHERE id = ?",
                next == null ? "failed" : "pending",
                due.attempts() + 1,
                status,
                error,
                next == null ? null : Timestamp.from(next),
                due.id());
    }

    /** The endpoint asked not to be called again (410): the delivery waits, like the others, until re-enabled. */
    void parked(Due due, int status, int millis) {
        record(due, status, DeliveryError.GONE.text(), millis);
        jdbc.update(
                "UPDATE webhook_delivery SET attempts = ?, last_status = ?, leased_until = NULL WHERE id = ?",
                due.attempts() + 1,
                status,
                due.id());
    }

    /** Manual redelivery: the delivery is pending again, due now, with its attempts kept in its log. */
    boolean redeliver(UUID webhookId, long deliveryId) {
        return jdbc.update(
                        "UPDATE webhook_delivery SET status = 'pending', next_attempt_at = now(), leased_until = NULL"
                                + " WHERE id = ? AND webhook_id = ?",
                        deliveryId,
                        webhookId)
                == 1;
    }

    private void record(Due due, Integer status, String error, int millis) {
        jdbc.update(
                "INSERT INTO webhook_attempt (delivery_id, attempt, status, error, duration_ms) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                due.id(),
                due.attempts() + 1,
                status,
                error == null ? null : error.substring(0, Math.min(error.length(), 500)),
                millis);
    }
}
