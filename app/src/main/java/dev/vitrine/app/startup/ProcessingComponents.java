package dev.vitrine.app.startup;

import dev.vitrine.processing.imaging.ImagingRuntime;
import dev.vitrine.processing.job.JobQueue;
import dev.vitrine.processing.worker.ImageWorker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Processing's part of the startup report: where jobs queue, and whether this node processes them. */
@Configuration(proxyBeanMethods = false)
class ProcessingComponents {

    @Bean
    RuntimeComponent jobQueueComponent(JobQueue jobs) {
        return new Described("Job queue (RabbitMQ)", !jobs.external(), jobs.describe());
    }

    @Bean
    RuntimeComponent imagingComponent(ImagingRuntime imaging, ImageWorker worker) {
        return new Described(
                "Image processing",
                true,
                imaging.describe() + ", "
                        + (worker.workers() == 0 ? "no workers on this node" : worker.workers() + " workers"));
    }

    private record Described(String role, boolean embedded, String location) implements RuntimeComponent {}
}
