package dev.vitrine.app.operations;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code VITRINE_LOG_FORMAT} ({@code vitrine.log-format}): {@code text} (the default: lines for people) or {@code json}
 * (one Elastic Common Schema object per line, with the thread's MDC, for a log pipeline). Spring Boot writes both;
 * this only turns the operator's one word into its setting, before logging starts.
 */
public final class LogFormat implements EnvironmentPostProcessor {

    static final String PROPERTY = "vitrine.log-format";
    static final String STRUCTURED = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "text" -> {}
            case "json" ->
                environment
                        .getPropertySources()
                        .addFirst(new MapPropertySource("vitrine-log-format", Map.of(STRUCTURED, "ecs")));
            default ->
                throw new IllegalArgumentException("VITRINE_LOG_FORMAT must be text or json, not \"" + format + "\"");
        }
    }
}
