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

    private static final String COLUMNS = "id, owner_id, url, types, gallery_id, secret, "
            + "private_network_allowed, status, disabled_reason, created_at";

    private final JdbcTemplate jdbc;

    Webhooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Webhook create(Webhook webhook) {
        jdbc.update(con -> {
            var insert =
                    con.prepareStatement("INSERT INTO webhook (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insert.setObject(1, webhook.id());
            insert.setObject(2, webhook.ownerId());
            insert.setString(3, webhook.url());
            insert.setArray(4, con.createArrayOf("text", webhook.types().toArray()));
            insert.setObject(5, webhook.galleryId());
            insert.setString(6, webhook.secret());
            insert.setBoolean(7, webhook.privateNetworkAllowed());
            insert.setString(8, webhook.status());
            insert.setString(9, webhook.disabledReason());
            insert.setObject(10, Timestamp.from(webhook.createdAt()));
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
        Array types = rs.getArray(4);
        return new Webhook(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                Arrays.asList((String[]) types.getArray()),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getBoolean(7),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant());
    };
}
