package dev.vitrine.processing.saga;

import dev.vitrine.api.operations.NodeRoles;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * The processing saga runs on one tracking processor (one segment: one node drives the sagas at a time, another
 * takes over when it stops). It takes events in batches, so a burst of uploads costs a transaction per batch, not
 * per event.
 */
@Configuration(proxyBeanMethods = false)
class SagaProcessor {

    static final String NAME = "ImageProcessingSagaProcessor";

    @Autowired
    void configure(EventProcessingConfigurer processing, @Value("${" + NodeRoles.PROPERTY + ":}") String roles) {
        processing.registerTrackingEventProcessorConfiguration(
                NAME,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(50)
                        .andAutoStart(NodeRoles.parse(roles).projects()));
    }
}
