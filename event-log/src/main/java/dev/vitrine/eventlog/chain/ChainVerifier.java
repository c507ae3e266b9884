package dev.vitrine.eventlog.chain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chain of aggregates from what the event store holds and names the first link that does not
 * hold: an event whose content no longer matches its hash, or a missing or reordered event.
 */
@Component
public class ChainVerifier {

    private final JdbcTemplate jdbc;

    ChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a check found. */
    public record Report(int aggregates, long events, long unchained, Optional<BrokenLink> firstBroken) {

        public boolean intact() {
            return firstBroken.isEmpty();
        }
    }

    /** The first event of an aggregate whose link fails, and how. */
    public record BrokenLink(
            String aggregateId, long sequenceNumber, String eventId, long globalIndex, String problem) {}

    public Report verify(Collection<String> aggregateIds) {
        long events = 0;
        long unchained = 0;
        for (String aggregate : aggregateIds) {
            Check check = check(aggregate);
            events += check.events;
            unchained += check.unchained;
            if (check.broken != null) {
                return new Report(aggregateIds.size(), events, unchained, Optional.of(check.broken));
            }
        }
        return new Report(aggregateIds.size(), events, unchained, Optional.empty());
    }

    private Check check(String aggregate) {
        List<Row> rows = jdbc.query(
                """
                SELECT globalindex, eventidentifier, sequencenumber, payloadtype, payloadrevision, timestamp,
                       payload, metadata FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""",
                (rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBytes(7),
                        rs.getBytes(8)),
                aggregate);
        Check check = new Check();
        String previous = EventChain.GENESIS;
        long expected = 0;
        for (Row row : rows) {
            check.events++;
            var metadata = EventChain.metadata(row.metadata);
            Object stored = metadata.get(EventChain.METADATA_KEY);
            if (row.sequence != expected) {
                check.broken = new BrokenLink(
                        aggregate,
                        row.sequence,
                        row.eventId,
                        row.globalIndex,
                        "event " + expected + " of the aggregate is missing");
                return check;
            }
            expected++;
            if (stored == null) {
                // appended before events were chained: the chain starts again after it
                check.unchained++;
                previous = EventChain.GENESIS;
                continue;
            }
            String hash = EventChain.hash(
                    previous,
                    new EventChain.Link(
                            aggregate,
                            row.sequence,
                            row.eventId,
                            row.payloadType,
                            row.payloadRevision,
                            row.timestamp,
                            row.payload,
                            metadata));
            if (!hash.equals(stored.toString())) {
                check.broken = new BrokenLink(
                        aggregate,
                        row.sequence,
                        row.eventId,
                        row.globalIndex,
                        "the stored event does not match its hash: it was changed after it was written, or the "
                                + "event before it was");
                return check;
            }
            previous = hash;
        }
        return check;
    }

    private record Row(
            long globalIndex,
            String eventId,
            long sequence,
            String payloadType,
            String payloadRevision,
            String timestamp,
            byte[] payload,
            byte[] metadata) {}

    private static final class Check {
        long events;
        long unchained;
        BrokenLink broken;
    }
}
