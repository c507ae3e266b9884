package dev.vitrine.eventlog.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered.
 *
 * @param retryDelays   the wait before each retry of a failed delivery; after the last, it has failed for good.
 *                      The default spans about three days (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h)
 * @param timeout       how long an endpoint may take to answer
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 * @param poll          how often due deliveries are looked for
 * @param parallel      deliveries in flight at once on this node
 */
@ConfigurationProperties("vitrine.webhooks")
record WebhookSettings(
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h"})
        List<Duration> retryDelays,

        @DefaultValue("10s") Duration timeout,
        @DefaultValue("24h") Duration maxRetryAfter,
        @DefaultValue("250ms") Duration poll,
        @DefaultValue("16") int parallel) {}
