package dev.vitrine.processing.worker;

import dev.vitrine.api.operations.NodeRoles;
import dev.vitrine.processing.imaging.ImagePipeline;
import dev.vitrine.processing.imaging.ImagingRuntime;
import dev.vitrine.processing.imaging.ImagingSettings;
import dev.vitrine.processing.imaging.VipsRenderer;
import dev.vitrine.processing.job.JobQueue;
import dev.vitrine.processing.job.JobTrace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Workers run on a node with the processing role and a working libvips; every node dispatches jobs. */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProcessingConfiguration.class);

    @Bean
    ImagingRuntime imagingRuntime(ImagingSettings imaging) {
        return ImagingRuntime.load(imaging.library());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService variantEncoders(ImagingSettings imaging, ProcessingSettings settings) {
        return Executors.newFixedThreadPool(
                imaging.encoderThreads(),
                BackgroundPriority.of(
                        Thread.ofPlatform()
                                .name("variant-encoder-", 0)
                                .daemon(true)
                                .factory(),
                        settings.niceness()));
    }

    /** Micrometer Tracing's, when the app has it (it binds it to OpenTelemetry); none otherwise. */
    @Bean
    JobTrace jobTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new JobTrace(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    ImageWorker imageWorker(
            ImagingRuntime runtime,
            ImagingSettings imaging,
            ProcessingSettings settings,
            ExecutorService variantEncoders,
            JobQueue jobs,
            ImageStore store,
            CommandGateway commands,
            JdbcTemplate jdbc,
            ObjectProvider<MeterRegistry> meters,
            JobTrace trace,
            @Value("${" + NodeRoles.PROPERTY + ":}") String roles) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        var vips = runtime.vips();
        boolean works = NodeRoles.parse(roles).works();
        if (!works) {
            log.info(
                    "No image workers on this node: its roles are {}",
                    NodeRoles.parse(roles).describe());
            return new ImageWorker(
                    jobs, null, 0, 0, settings.crashLimit(), settings.stopGrace(), 0, null, registry, trace);
        }
        if (!settings.enabled() || vips.isEmpty()) {
            log.warn("No image workers on this node ({})", settings.enabled() ? runtime.describe() : "disabled");
            return new ImageWorker(
                    jobs, null, 0, 0, settings.crashLimit(), settings.stopGrace(), 0, null, registry, trace);
        }
        var pipeline = new ImagePipeline(new VipsRenderer(vips.get(), imaging, variantEncoders), imaging);
        return new ImageWorker(
                jobs,
                new JobProcessor(store, pipeline, commands, settings),
                settings.workers(),
                settings.prefetch(),
                settings.crashLimit(),
                settings.stopGrace(),
                settings.niceness(),
                new DecodeStarts(jdbc),
                registry,
                trace);
    }
}
