package dev.vitrine.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The finished spans of one trace, from one JVM's in-memory exporter or from several nodes by OTLP. */
public record Trace(List<Trace.Span> spans) {

    /**
     * One finished span.
     *
     * @param node the {@code vitrine.node} resource attribute of the process that made it, when it was set
     */
    public record Span(
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            String node,
            Map<String, String> attributes) {

        static Span of(SpanData span) {
            Map<String, String> attributes = span.getAttributes().asMap().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().getKey(), e -> String.valueOf(e.getValue())));
            return new Span(
                    span.getTraceId(), span.getSpanId(), span.getParentSpanId(), span.getName(), "", attributes);
        }
    }

    /** The trace that holds a span of this name. */
    public static Trace of(List<Span> finished, String name) {
        String traceId = finished.stream()
                .filter(span -> span.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name))
                .traceId();
        return new Trace(
                finished.stream().filter(span -> span.traceId().equals(traceId)).toList());
    }

    public static Trace ofSpanData(List<SpanData> finished, String name) {
        return of(finished.stream().map(Span::of).toList(), name);
    }

    public String traceId() {
        return spans.getFirst().traceId();
    }

    public Span only(String name) {
        List<Span> named =
                spans.stream().filter(span -> span.name().equals(name)).toList();
        assertThat(named).as("spans named " + name + " among " + names()).hasSize(1);
        return named.getFirst();
    }

    /**
     * The span of this name nearest under {@code parent}: the one it made itself, not one made further down by what it
     * set going (a command's append, not the appends of the commands its events led to).
     */
    public Span childOf(Span parent, String name) {
        return spans.stream()
                .filter(span -> span.name().equals(name) && descends(span, parent))
                .min(Comparator.comparingInt(span -> depthUnder(span, parent)))
                .orElseThrow(() -> new AssertionError("no " + name + " under " + parent.name()));
    }

    private int depthUnder(Span span, Span ancestor) {
        Map<String, Span> byId = spans.stream().collect(Collectors.toMap(Span::spanId, Function.identity()));
        int depth = 1;
        for (Span at = byId.get(span.parentSpanId());
                at != null && !at.spanId().equals(ancestor.spanId());
                at = byId.get(at.parentSpanId())) {
            depth++;
        }
        return depth;
    }

    public boolean descends(Span span, Span ancestor) {
        Map<String, Span> byId = spans.stream().collect(Collectors.toMap(Span::spanId, Function.identity()));
        for (Span at = byId.get(span.parentSpanId()); at != null; at = byId.get(at.parentSpanId())) {
            if (at.spanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }

    public List<String> names() {
        return spans.stream().map(span -> span.node() + ":" + span.name()).toList();
    }
}
