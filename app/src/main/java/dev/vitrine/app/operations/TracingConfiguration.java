package dev.vitrine.app.operations;

import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One trace per upload, across nodes: the HTTP request's span (Spring Boot's observation), Axon's spans for the
 * command, the event store and each event processor (the read model, the saga: {@code
 * axon.tracing.event-processor.distributed-in-same-trace}), the job's span on whichever worker took it ({@code
 * JobTrace}), and the commands that worker sends. Every piece writes to the one OpenTelemetry SDK that Spring Boot
 * configures (sampling, OTLP export).
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /** Axon's own default looks for a global OpenTelemetry, which Spring Boot does not register. */
    @Bean
    SpanFactory axonSpans(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("org.axonframework"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }
}
