package dev.vitrine.query.projection;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far a processor's committed tokens are, read from the token table without claiming them. Rows and tokens of
 * a read model commit together, so these positions say which events its tables hold.
 */
public final class TokenPositions {

    /** One segment's committed token: where it is, and which node holds it (null: nobody). */
    public record SegmentPosition(int segment, long position, String owner) {}

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public TokenPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The position of every segment (0 for a segment that has processed nothing yet). */
    public List<Long> of(String processor) {
        return segments(processor).stream().map(SegmentPosition::position).toList();
    }

    public List<SegmentPosition> segments(String processor) {
        return jdbc.query(
                """
                        SELECT segment, token, tokenType, owner FROM tokenentry WHERE processorName = ?
                        ORDER BY segment""",
                (row, number) -> new SegmentPosition(
                        row.getInt("segment"),
                        position(row.getBytes("token"), row.getString("tokenType")),
                        row.getString("owner")),
                processor);
    }

    /** The segments' committed tokens, lowest first (none when the processor never ran). */
    public List<TrackingToken> tokens(String processor) {
        return jdbc
                .query(
                        "SELECT token, tokenType FROM tokenentry WHERE processorName = ? AND token IS NOT NULL",
                        (row, number) -> token(row.getBytes("token"), row.getString("tokenType")),
                        processor)
                .stream()
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(token -> token.position().orElse(0)))
                .toList();
    }

    public void delete(String processor) {
        jdbc.update("DELETE FROM tokenentry WHERE processorName = ?", processor);
    }

    private long position(byte[] token, String type) {
        TrackingToken tracking = token(token, type);
        OptionalLong position = tracking == null ? OptionalLong.empty() : tracking.position();
        return position.orElse(0);
    }

    private TrackingToken token(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }
}
