package dev.vitrine.app.operations;

import dev.vitrine.query.deadletter.DeadLetters;
import dev.vitrine.query.projection.ReadModelProcessor;
import dev.vitrine.query.projection.TokenPositions;
import dev.vitrine.query.rebuild.ReadModelRebuild;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/projections}: every event processor, how far each of its segments is (from the token store, so
 * segments held by other nodes show too), how many events it is behind the head of the event store, its parked
 * events, and the read model's last rebuild.
 */
@Component
@Endpoint(id = "projections")
class ProjectionsEndpoint {

    private final EventProcessingConfiguration processing;
    private final ProcessorLag lag;
    private final DeadLetters deadLetters;
    private final ReadModelRebuild rebuild;

    ProjectionsEndpoint(
            EventProcessingConfiguration processing,
            ProcessorLag lag,
            DeadLetters deadLetters,
            ReadModelRebuild rebuild) {
        this.processing = processing;
        this.lag = lag;
        this.deadLetters = deadLetters;
        this.rebuild = rebuild;
    }

    @ReadOperation
    Map<String, Object> projections() {
        long head = lag.head();
        Map<String, Object> processors = new LinkedHashMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("type", processor.getClass().getSimpleName());
            about.put("runningHere", processor.isRunning());
            if (processor instanceof StreamingEventProcessor streaming) {
                about.put("errorHere", streaming.isError());
                List<TokenPositions.SegmentPosition> segments = lag.segments(processor.getName());
                about.put(
                        "lag",
                        segments.stream()
                                .mapToLong(s -> Math.max(0, head - s.position()))
                                .max()
                                .orElse(head));
                about.put(
                        "segments",
                        segments.stream()
                                .map(s -> Map.of(
                                        "segment",
                                        s.segment(),
                                        "position",
                                        s.position(),
                                        "behind",
                                        Math.max(0, head - s.position()),
                                        "owner",
                                        s.owner() == null ? "nobody" : s.owner()))
                                .toList());
            }
            if (ReadModelProcessor.NAME.equals(processor.getName())) {
                about.put("parkedSequences", deadLetters.sequences());
            }
            processors.put(processor.getName(), about);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("head", head);
        answer.put("processors", processors);
        answer.put("rebuild", rebuild.status().orElse(null));
        return answer;
    }
}
