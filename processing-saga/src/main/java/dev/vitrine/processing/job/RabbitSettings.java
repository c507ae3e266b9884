package dev.vitrine.processing.job;

import com.rabbitmq.client.ConnectionFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The standard Spring settings for RabbitMQ. When {@code host} is not set, jobs stay in-process.
 */
@ConfigurationProperties("spring.rabbitmq")
public record RabbitSettings(
        String host,
        @DefaultValue("5672") int port,
        @DefaultValue("guest") String username,
        @DefaultValue("guest") String password,
        @DefaultValue("/") String virtualHost) {

    boolean configured() {
        return host != null && !host.isBlank();
    }

    ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        return factory;
    }
}
