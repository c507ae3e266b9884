package dev.vitrine.processing.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.processing.worker.ProcessingSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** RabbitMQ when Spring's RabbitMQ settings are given; otherwise a table of the installation's PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class JobQueueConfiguration {

    @Bean
    JobQueue jobQueue(RabbitSettings rabbit, ProcessingSettings settings, ObjectMapper json, JdbcTemplate jdbc) {
        if (!rabbit.configured()) {
            return new PostgresJobQueue(jdbc, json, settings.jobLease(), settings.jobPoll());
        }
        return new RabbitJobQueue(rabbit.connectionFactory(), json, settings.queue(), settings.deliveryLimit());
    }
}
