package dev.vitrine.app.startup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The first step of a graceful stop. Spring Boot turns readiness to refusing the moment the context starts closing,
 * but the web server's graceful shutdown closes the port right after: a load balancer polling readiness would
 * never see the node go out of service, only connections refused. So this stops first and holds the rest of the
 * shutdown for {@code vitrine.shutdown.drain-delay}, while the node still serves every request it gets and
 * readiness answers 503. Then image workers stop, the web server finishes its in-flight requests and closes, and
 * Axon's processors stop in their own, later, phases.
 */
@Component
class ReadinessDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadinessDrain.class);

    private final ApplicationContext context;
    private final ApplicationAvailability availability;
    private final ShutdownSettings settings;
    private final boolean graceful;
    private volatile boolean running;

    ReadinessDrain(
            ApplicationContext context,
            ApplicationAvailability availability,
            ShutdownSettings settings,
            Environment environment) {
        this.context = context;
        this.availability = availability;
        this.settings = settings;
        // with an immediate shutdown there is nothing to drain (tests use it to close contexts at once)
        this.graceful =
                environment.getProperty("server.shutdown", Shutdown.class, Shutdown.GRACEFUL) == Shutdown.GRACEFUL;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        stop(() -> {});
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        if (availability.getReadinessState() != ReadinessState.REFUSING_TRAFFIC) {
            // a context stopped without being closed: say it all the same
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        }
        if (!graceful || settings.drainDelay().isZero() || settings.drainDelay().isNegative()) {
            callback.run();
            return;
        }
        log.info(
                "Stopping: readiness is down; still serving for {} s before refusing new connections",
                settings.drainDelay().toMillis() / 1000.0);
        CompletableFuture.delayedExecutor(settings.drainDelay().toMillis(), TimeUnit.MILLISECONDS)
                .execute(callback);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else: before the image workers and the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
