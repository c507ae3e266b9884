package dev.vitrine.query.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a rebuild of the read model runs.
 *
 * @param segments     how many parts of the event stream are replayed in parallel
 * @param batchSize    events per transaction of each part
 * @param swapAttempts how often the swap is tried when the live read model moved ahead meanwhile
 * @param lockTimeout  how long the swap waits for the live tables (reads and writes wait that long at most)
 */
@ConfigurationProperties("vitrine.read-model.rebuild")
public record RebuildSettings(
        @DefaultValue("2") int segments,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("20") int swapAttempts,
        @DefaultValue("5s") Duration lockTimeout) {}
