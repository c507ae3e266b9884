package dev.vitrine.eventlog.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.operations.NodeRoles;
import dev.vitrine.api.operations.PublicAddress;
import java.util.List;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The integration log is written by one tracking processor with a single segment: one writer in the whole
 * installation, so positions grow in the order events were logged, whichever node logs them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LogProcessor.Settings.class)
public class LogProcessor {

    public static final String NAME = "event-log";

    @Bean
    LogWriter logWriter(
            JdbcTemplate jdbc,
            ObjectMapper json,
            List<LogListener> listeners,
            LogSignal signal,
            PublicAddress address) {
        return new LogWriter(
                jdbc,
                json,
                new PublicEvents(objectKey -> address.publicMedia(address.ofEvents(), objectKey)),
                listeners,
                signal);
    }

    @Autowired
    void configure(
            EventProcessingConfigurer processing,
            Settings settings,
            @Value("${" + NodeRoles.PROPERTY + ":}") String roles) {
        processing.registerTrackingEventProcessor(
                NAME,
                org.axonframework.config.Configuration::eventStore,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialSegmentsCount(1)
                        .andBatchSize(settings.batchSize())
                        .andAutoStart(NodeRoles.parse(roles).projects()));
    }

    /**
     * @param source    the CloudEvents {@code source} of every event: this installation, e.g. its public URL
     * @param batchSize events logged per transaction
     */
    @ConfigurationProperties("vitrine.event-log")
    public record Settings(
            @DefaultValue("/vitrine") String source,
            @DefaultValue("250") int batchSize) {}
}
