package dev.vitrine.eventlog.amqp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the public events are published: the RabbitMQ of {@code spring.rabbitmq.*} (the feed is off without one).
 *
 * @param exchange           topic exchange of the events for everyone: of public galleries, and of their images
 *                           from their publication on (routing key: the CloudEvents type)
 * @param restrictedExchange topic exchange of the other events (private and unlisted galleries, images not yet
 *                           published): grant it only to consumers allowed to see every gallery (RabbitMQ
 *                           permissions)
 * @param batch              events published, and confirmed by the broker, before the feed's position advances
 * @param confirmTimeout     how long the broker may take to confirm a batch before it is published again
 * @param retryDelay         after a failure (broker away), how long before the feed tries again
 */
@ConfigurationProperties("vitrine.events.amqp")
record AmqpSettings(
        @DefaultValue("vitrine.events") String exchange,
        @DefaultValue("vitrine.events.private") String restrictedExchange,
        @DefaultValue("500") int batch,
        @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue("1s") Duration retryDelay) {}
