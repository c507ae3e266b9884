package dev.vitrine.query.projection;

import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Tells readers waiting in this JVM that a row of the read model has just changed. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProjectionProgress implements ReadModelListener {

    private final Sinks.Many<UUID> changed = Sinks.many().multicast().directBestEffort();

    @Override
    public void committed(ReadModelChange change) {
        synchronized (changed) {
            change.rows().forEach(changed::tryEmitNext);
        }
    }

    Flux<UUID> changes() {
        return changed.asFlux();
    }
}
