package dev.vitrine.app.support;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the event store holds for one aggregate, read straight from its table. */
public final class EventLog {

    private EventLog() {}

    /** The simple names of the aggregate's event types, in order. */
    public static List<String> types(JdbcTemplate jdbc, UUID aggregateId) {
        return jdbc.queryForList("""
                        SELECT payloadType FROM domainevententry WHERE aggregateIdentifier = ?
                        ORDER BY sequenceNumber""", String.class, aggregateId.toString()).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    public static long count(JdbcTemplate jdbc, UUID aggregateId, String simpleType) {
        return types(jdbc, aggregateId).stream().filter(simpleType::equals).count();
    }
}
