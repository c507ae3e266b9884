package dev.vitrine.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.recorded.RecordedHistory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A history recorded with the release before the contracts were split by kind (old event names, an older revision
 * of ImageAnalyzed, no ImageProcessingCompleted) replays today into exactly the read model that release made of
 * it, every row and every column.
 */
class RecordedHistoryReplayTest {

    static final JsonMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    final RecordedHistory history = RecordedHistory.load();
    final InMemoryRows rows = new InMemoryRows();

    @Test
    void an_old_history_replays_to_the_read_model_it_made_then() {
        List<RecordedHistory.ReadEvent> events = history.read();
        assertThat(events).as("recorded events").hasSizeGreaterThan(40);
        for (RecordedHistory.ReadEvent event : events) {
            ProjectionBatch batch = new ProjectionBatch(rows);
            batch.apply(
                    (GalleryEvent) event.payload(),
                    new EventPosition(
                            event.stored().sequenceNumber(),
                            Instant.parse(event.stored().timestamp()).truncatedTo(ChronoUnit.MICROS),
                            event.stored().globalIndex()));
            batch.flush();
        }

        assertSameRows(history.galleryView(), rows.galleries, GalleryRow.TABLE);
        assertSameRows(history.imageView(), rows.images, ImageRow.TABLE);
    }

    private static <R> void assertSameRows(JsonNode recorded, Map<UUID, R> replayed, RowTable<R> table) {
        assertThat(replayed).hasSize(recorded.size());
        for (JsonNode then : recorded) {
            R now = replayed.get(UUID.fromString(then.path("id").asText()));
            assertThat(now).as("row " + then.path("id")).isNotNull();
            for (Column<R, ?> column : table.columns()) {
                if (then.path(column.name()).isMissingNode()) {
                    // a column added after the history was recorded: the old events leave it empty (or false)
                    JsonNode added = JSON.valueToTree(column.get().apply(now));
                    assertThat(added.isNull()
                                    || (added.isContainerNode() && added.isEmpty())
                                    || (added.isBoolean() && !added.booleanValue()))
                            .as(
                                    "%s of %s, a column the recorded read model had not: %s",
                                    column.name(), then.path("id"), added)
                            .isTrue();
                    continue;
                }
                assertThat(same(
                                then.path(column.name()),
                                JSON.valueToTree(column.get().apply(now))))
                        .as(
                                "%s of %s: then %s, now %s",
                                column.name(),
                                then.path("id"),
                                then.path(column.name()),
                                JSON.valueToTree(column.get().apply(now)))
                        .isTrue();
            }
        }
    }

    /** As PostgreSQL's row_to_json wrote the value, and as Jackson writes today's. */
    private static boolean same(JsonNode then, JsonNode now) {
        if (then.isNull() || now.isNull()) {
            return then.isNull() && now.isNull();
        }
        if (then.isNumber() && now.isNumber()) {
            return then.decimalValue().compareTo(now.decimalValue()) == 0;
        }
        if (then.isTextual() && now.isTextual() && then.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
            Function<String, Instant> instant =
                    text -> OffsetDateTime.parse(text.replace("Z", "+00:00")).toInstant();
            return instant.apply(then.asText()).equals(instant.apply(now.asText()));
        }
        if (then.isContainerNode() && now.isContainerNode()) {
            if (then.size() != now.size() || then.isArray() != now.isArray()) {
                return false;
            }
            if (then.isArray()) {
                for (int i = 0; i < then.size(); i++) {
                    if (!same(then.get(i), now.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            for (var field : then.properties()) {
                if (!now.has(field.getKey()) || !same(field.getValue(), now.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return then.equals(now);
    }
}
