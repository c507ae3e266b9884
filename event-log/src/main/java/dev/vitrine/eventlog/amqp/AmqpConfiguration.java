package dev.vitrine.eventlog.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.ConnectionFactory;
import dev.vitrine.eventlog.log.IntegrationLog;
import dev.vitrine.eventlog.log.LogProcessor;
import dev.vitrine.eventlog.log.LogSignal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The AMQP feed runs when a RabbitMQ is configured ({@code spring.rabbitmq.host}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AmqpSettings.class)
class AmqpConfiguration {

    @Bean
    @ConditionalOnExpression("'${spring.rabbitmq.host:}' != ''")
    AmqpFeed amqpFeed(
            Environment environment,
            AmqpSettings settings,
            IntegrationLog log,
            LogSignal signal,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ObjectMapper json,
            LogProcessor.Settings logSettings) {
        ConnectionFactory connections = new ConnectionFactory();
        connections.setHost(environment.getProperty("spring.rabbitmq.host"));
        connections.setPort(environment.getProperty("spring.rabbitmq.port", Integer.class, 5672));
        connections.setUsername(environment.getProperty("spring.rabbitmq.username", "guest"));
        connections.setPassword(environment.getProperty("spring.rabbitmq.password", "guest"));
        connections.setVirtualHost(environment.getProperty("spring.rabbitmq.virtual-host", "/"));
        connections.useNio();
        return new AmqpFeed(
                connections, settings, log, signal, jdbc, new TransactionTemplate(transactions), json, logSettings);
    }
}
