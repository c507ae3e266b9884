package dev.vitrine.query.projection;

import dev.vitrine.api.operations.NodeRoles;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model is written by one tracking processor, "read-model". Its segments are shared between nodes
 * through the token store (one thread per segment claimed); within a segment each gallery's events stay in
 * order. A tracking processor wakes as soon as an event is committed on this node, which keeps
 * read-your-writes waits short. An event the read model cannot apply is parked in the dead-letter queue with the
 * rest of its gallery's events (administrators retry or drop them); a failing database makes the batch retry.
 */
@Configuration
@EnableConfigurationProperties({ReadYourWrites.Settings.class, ReadModelProcessor.Settings.class})
public class ReadModelProcessor {

    public static final String NAME = "read-model";

    private static final Logger log = LoggerFactory.getLogger(ReadModelProcessor.class);

    /** The live read model: the tables the API reads, told to the listeners (cache, waiting readers) on commit. */
    @Bean
    ReadModelProjector readModelProjector(JdbcTemplate jdbc, List<ReadModelListener> listeners) {
        return new ReadModelProjector(jdbc, ReadModelTables.LIVE, change -> {
            for (ReadModelListener listener : listeners) {
                try {
                    listener.committed(change);
                } catch (RuntimeException e) {
                    log.warn(
                            "{} failed to hear a read model change: {}",
                            listener.getClass().getSimpleName(),
                            e.toString());
                }
            }
        });
    }

    @Autowired
    void configure(
            EventProcessingConfigurer processing,
            Settings settings,
            @Value("${" + NodeRoles.PROPERTY + ":}") String roles) {
        processing
                .registerTrackingEventProcessor(
                        NAME,
                        org.axonframework.config.Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forParallelProcessing(settings.threads())
                                .andInitialSegmentsCount(settings.segments())
                                .andBatchSize(settings.batchSize())
                                .andAutoStart(NodeRoles.parse(roles).projects()))
                .registerSequencingPolicy(NAME, config -> new GallerySequencing())
                .registerDeadLetterQueue(
                        NAME,
                        config -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(NAME)
                                .connectionProvider(config.getComponent(ConnectionProvider.class))
                                .transactionManager(config.getComponent(TransactionManager.class))
                                .genericSerializer(config.serializer())
                                .eventSerializer(config.eventSerializer())
                                .build());
    }

    /**
     * @param segments  how many parts the event stream is split into (fixed when the processor's tokens are first
     *                  created)
     * @param threads   how many segments this node processes at once; less than {@code segments} only when other
     *                  nodes take the rest
     * @param batchSize events handled per transaction of a segment
     */
    @ConfigurationProperties("vitrine.read-model")
    public record Settings(
            @DefaultValue("4") int segments,
            @DefaultValue("4") int threads,
            @DefaultValue("100") int batchSize) {}
}
