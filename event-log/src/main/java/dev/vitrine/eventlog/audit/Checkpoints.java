package dev.vitrine.eventlog.audit;

import dev.vitrine.eventlog.chain.EventChain;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Every {@code interval}, a checkpoint over the whole log: the hash of the previous checkpoint's hash and the chain
 * hash of every event logged since, in log order. The per-aggregate chains find a changed event; checkpoints also
 * find an event removed from the end of its aggregate, or a whole aggregate removed.
 */
@Component
class Checkpoints implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final int CHUNK = 10_000;

    /** @param interval how often a checkpoint is made (when the log grew) */
    @ConfigurationProperties("vitrine.audit.checkpoints")
    record Settings(@DefaultValue("1m") Duration interval) {}

    record Checkpoint(long position, long events, String hash) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Settings settings;
    private Disposable running;

    Checkpoints(JdbcTemplate jdbc, TransactionTemplate transactions, Settings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** Makes a checkpoint up to the log's head, when there is something new; one node at a time. */
    Optional<Checkpoint> checkpoint() {
        return transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT pg_try_advisory_xact_lock(hashtext('vitrine.event-log.checkpoint'))", Boolean.class))) {
                return Optional.empty();
            }
            Checkpoint last = last().orElse(new Checkpoint(0, 0, ""));
            Long head = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM event_log", Long.class);
            if (head == null || head <= last.position()) {
                return Optional.empty();
            }
            Checkpoint next = extend(last, head);
            jdbc.update(
                    "INSERT INTO event_log_checkpoint (position, events, hash) VALUES (?, ?, ?)",
                    next.position(),
                    next.events(),
                    next.hash());
            return Optional.of(next);
        });
    }

    List<Checkpoint> all() {
        return jdbc.query(
                "SELECT position, events, hash FROM event_log_checkpoint ORDER BY position",
                (rs, n) -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    /** The checkpoint that {@code from} and the log's events after it, up to {@code upTo}, make now. */
    Checkpoint extend(Checkpoint from, long upTo) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(from.hash().getBytes(StandardCharsets.UTF_8));
            long events = from.events();
            long position = from.position();
            while (position < upTo) {
                List<String[]> rows = jdbc.query(
                        """
                        SELECT l.position, l.event_id, e.metadata FROM event_log l
                        LEFT JOIN domainevententry e ON e.globalindex = l.global_index
                        WHERE l.position > ? AND l.position <= ? ORDER BY l.position LIMIT ?""",
                        (rs, n) -> new String[] {rs.getString(1), rs.getString(2), chainHash(rs.getBytes(3))},
                        position,
                        upTo,
                        CHUNK);
                if (rows.isEmpty()) {
                    break;
                }
                for (String[] row : rows) {
                    sha.update((row[1] + ":" + row[2] + "\n").getBytes(StandardCharsets.UTF_8));
                    events++;
                }
                position = Long.parseLong(rows.getLast()[0]);
            }
            return new Checkpoint(upTo, events, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String chainHash(byte[] metadata) {
        if (metadata == null) {
            return "missing";
        }
        Object hash = EventChain.metadata(metadata).get(EventChain.METADATA_KEY);
        return hash == null ? "unchained" : hash.toString();
    }

    private Optional<Checkpoint> last() {
        return jdbc
                .query(
                        "SELECT position, events, hash FROM event_log_checkpoint ORDER BY position DESC LIMIT 1",
                        (rs, n) -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .stream()
                .findFirst();
    }

    @Override
    public synchronized void start() {
        running = Flux.interval(settings.interval(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .subscribe(tick -> {
                    try {
                        checkpoint();
                    } catch (RuntimeException e) {
                        log.warn("No event log checkpoint this time: {}", e.toString());
                    }
                });
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }
}
