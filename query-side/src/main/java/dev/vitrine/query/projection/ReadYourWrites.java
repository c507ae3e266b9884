package dev.vitrine.query.projection;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lets a read wait, bounded, until the read model holds a given version of a row: a client that got 2xx from a
 * write then sees its write. Projectors in this JVM wake waiters at once; a periodic re-read covers writes
 * projected by another node.
 */
@Component
public class ReadYourWrites {

    private static final Duration MAX_POLL_INTERVAL = Duration.ofMillis(400);

    private final ProjectionProgress progress;
    private final Settings settings;

    ReadYourWrites(ProjectionProgress progress, Settings settings) {
        this.progress = progress;
        this.settings = settings;
    }

    /**
     * Loads the row once it has reached {@code atLeastVersion} (negative: at once). After the bound it answers
     * whatever the row is then (possibly nothing).
     */
    public <T> Mono<T> load(UUID id, long atLeastVersion, Supplier<Mono<T>> loader, ToLongFunction<T> version) {
        if (atLeastVersion < 0) {
            return Mono.defer(loader);
        }
        Mono<T> caughtUp = Mono.defer(loader).filter(row -> version.applyAsLong(row) >= atLeastVersion);
        // waking up on this node's projector is immediate; the backstop re-read (another node projected it)
        // backs off, so many waiting writes do not flood the database
        Flux<Object> rereads = Flux.generate(() -> settings.pollInterval(), (delay, sink) -> {
                    sink.next(delay);
                    Duration next = delay.multipliedBy(2);
                    return next.compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : next;
                })
                .concatMap(delay -> Mono.delay((Duration) delay));
        Flux<Object> wakeUps = Flux.merge(progress.changes().filter(id::equals), rereads);
        return caughtUp.switchIfEmpty(wakeUps.concatMap(wake -> caughtUp, 1).next())
                .timeout(settings.timeout(), Mono.defer(loader));
    }

    /**
     * @param timeout      how long a read waits for the write it follows before answering what there is
     * @param pollInterval how soon a waiting read first re-reads the row (for writes projected on another node);
     *                     it waits twice as long each time after, up to 400 ms
     */
    @ConfigurationProperties("vitrine.read-your-writes")
    public record Settings(
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("25ms") Duration pollInterval) {}
}
