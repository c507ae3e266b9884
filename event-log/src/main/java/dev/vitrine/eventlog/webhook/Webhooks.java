package dev.vitrine.eventlog.webhook;

import java.sql.Array;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The webhook table. */
@Component
class Webhooks {

    private static final String COLUMNS = "id, owner_id, privileged, url, types, gallery_id, secret, "
            + "private_network_allowed, status, disabled_reason, created_at";

    private final JdbcTemplate jdbc;

    Webhooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Webhook create(Webhook webhook) {
        jdbc.update(con -> {
            var insert = con.prepareStatement(
                    "INSERT INTO webhook (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insert.setObject(1, webhook.id());
            insert.setObject(2, webhook.ownerId());
            insert.setBoolean(3, webhook.privileged());
            insert.setString(4, webhook.url());
            insert.setArray(5, con.createArrayOf("text", webhook.types().toArray()));
            insert.setObject(6, webhook.galleryId());
            insert.setString(7, webhook.secret());
            insert.setBoolean(8, webhook.privateNetworkAllowed());
            insert.setString(9, webhook.status());
            insert.setString(10, webhook.disabledReason());
            insert.setObject(11, Timestamp.from(webhook.createdAt()));
            return insert;
        });
        return webhook;
    }

    List<Webhook> active() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook WHERE status = 'active'", ROWS);
    }

    List<Webhook> of(UUID ownerId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook WHERE owner_id = ? ORDER BY created_at", ROWS, ownerId);
    }

    Optional<Webhook> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook WHERE id = ?", ROWS, id).stream()
                .findFirst();
    }

    void disable(UUID id, String reason) {
        jdbc.update("UPDATE webhook SET status = 'disabled', disabled_reason = ? WHERE id = ?", reason, id);
    }

    void enable(UUID id) {
        jdbc.update("UPDATE webhook SET status = 'active', disabled_reason = NULL WHERE id = ?", id);
    }

    void delete(UUID id) {
        jdbc.update("DELETE FROM webhook WHERE id = ?", id);
    }

    private static final RowMapper<Webhook> ROWS = (rs, n) -> {
        Array types = rs.getArray(5);
        return new Webhook(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getBoolean(3),
                rs.getString(4),
                Arrays.asList((String[]) types.getArray()),
                rs.getObject(6, UUID.class),
                rs.getString(7),
                rs.getBoolean(8),
                rs.getString(9),
                rs.getString(10),
                rs.getTimestamp(11).toInstant());
    };
}
