package dev.vitrine.eventlog.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event storage, with every appended event chained to its aggregate's previous one: the hash goes
 * into the event's metadata on the way in, in the same transaction, so no event is ever stored unchained.
 */
public final class ChainedEventStorageEngine extends JdbcEventStorageEngine {

    public ChainedEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected PreparedStatement appendEvents(
            Connection connection, List<? extends EventMessage<?>> events, Serializer serializer) throws SQLException {
        Map<String, String> last = new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain) || domain.getAggregateIdentifier() == null) {
                chained.add(event);
                continue;
            }
            String previous = last.containsKey(domain.getAggregateIdentifier())
                    ? last.get(domain.getAggregateIdentifier())
                    : previousHash(connection, domain);
            SerializedObject<byte[]> payload = serializer.serialize(domain.getPayload(), byte[].class);
            String hash = EventChain.hash(
                    previous,
                    new EventChain.Link(
                            domain.getAggregateIdentifier(),
                            domain.getSequenceNumber(),
                            domain.getIdentifier(),
                            payload.getType().getName(),
                            payload.getType().getRevision(),
                            DateTimeUtils.formatInstant(domain.getTimestamp()),
                            payload.getData(),
                            domain.getMetaData()));
            last.put(domain.getAggregateIdentifier(), hash);
            chained.add(domain.andMetaData(Map.of(EventChain.METADATA_KEY, hash)));
        }
        return super.appendEvents(connection, chained, serializer);
    }

    /** The hash of the event before this one in its aggregate; the genesis for a first (or an unchained) one. */
    private String previousHash(Connection connection, DomainEventMessage<?> event) throws SQLException {
        if (event.getSequenceNumber() == 0) {
            return EventChain.GENESIS;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT " + schema().metaDataColumn() + " FROM "
                + schema().domainEventTable() + " WHERE " + schema().aggregateIdentifierColumn() + " = ? AND "
                + schema().sequenceNumberColumn() + " = ?")) {
            query.setString(1, event.getAggregateIdentifier());
            query.setLong(2, event.getSequenceNumber() - 1);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return EventChain.GENESIS;
                }
                Object hash = EventChain.metadata(row.getBytes(1)).get(EventChain.METADATA_KEY);
                return hash == null ? EventChain.GENESIS : hash.toString();
            }
        }
    }
}
