package dev.vitrine.processing.job;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;

/**
 * A job's place in the trace of the upload it serves: whoever queues a job writes the current trace context into
 * it ({@link #capture}: W3C {@code traceparent}, as in HTTP headers), and the worker that takes it, on any node,
 * works inside a span of that trace ({@link #start}). The job carries it in its body rather than in AMQP headers,
 * so that it crosses the PostgreSQL queue the same way. While the worker works, its log lines carry the trace's ids
 * and the upload's correlation id ({@value #CORRELATION_ID} in the MDC), as the request's lines do.
 */
public final class JobTrace {

    /** Without tracing (tests of the worker alone): nothing is captured, spans are no-ops. */
    public static final JobTrace NONE = new JobTrace(Tracer.NOOP, Propagator.NOOP);

    /** The MDC key of the correlation id of the upload a job serves. */
    public static final String CORRELATION_ID = "correlationId";

    private final Tracer tracer;
    private final Propagator propagator;

    public JobTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current trace context, to travel with a job; empty outside any trace. */
    public Map<String, String> capture() {
        TraceContext current = tracer.currentTraceContext().context();
        Map<String, String> carrier = new HashMap<>();
        if (current != null) {
            propagator.inject(current, carrier, Map::put);
        }
        return Map.copyOf(carrier);
    }

    /** The worker's span of the job, current on this thread until closed; a child of whatever queued it. */
    public Working start(ProcessImageJob job) {
        Map<String, String> carrier = job.trace() == null ? Map.of() : job.trace();
        Span span = (carrier.isEmpty()
                        ? tracer.nextSpan()
                        : propagator.extract(carrier, Map::get).start())
                .name("process image: " + job.phase().name().toLowerCase(Locale.ROOT))
                .tag("vitrine.image.id", job.imageId().toString())
                .tag("vitrine.job.attempt", job.attempt())
                .start();
        MDC.put(CORRELATION_ID, job.correlationId());
        return new Working(span, tracer.withSpan(span));
    }

    /** A job's span and its scope on the worker's thread. */
    public record Working(Span span, Tracer.SpanInScope scope) implements AutoCloseable {

        public void failed(Throwable failure) {
            span.error(failure);
        }

        @Override
        public void close() {
            MDC.remove(CORRELATION_ID);
            scope.close();
            span.end();
        }
    }
}
