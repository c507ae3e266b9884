package dev.vitrine.processing.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.processing.worker.ProcessingSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** RabbitMQ when Spring's RabbitMQ settings are given; otherwise the in-process queue. */
@Configuration(proxyBeanMethods = false)
class JobQueueConfiguration {

    @Bean
    JobQueue jobQueue(RabbitSettings rabbit, ProcessingSettings settings, ObjectMapper json) {
        if (!rabbit.configured()) {
            return new InProcessJobQueue();
        }
        return new RabbitJobQueue(rabbit.connectionFactory(), json, settings.queue(), settings.deliveryLimit());
    }
}
