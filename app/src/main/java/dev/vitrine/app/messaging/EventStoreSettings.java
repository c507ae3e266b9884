package dev.vitrine.app.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fetchDelay how often a node looks for events that other nodes committed, when it has nothing new
 * @param batchSize  how many events one read from the event store fetches
 */
@ConfigurationProperties("vitrine.event-store")
public record EventStoreSettings(
        @DefaultValue("100ms") Duration fetchDelay,
        @DefaultValue("500") int batchSize) {}
