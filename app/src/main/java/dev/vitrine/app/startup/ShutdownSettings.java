package dev.vitrine.app.startup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a node stops (with {@code server.shutdown=graceful}, the default).
 *
 * @param drainDelay how long a stopping node goes on serving after its readiness went down, before it stops taking
 *                   connections: long enough for a load balancer's health checks to see it and send elsewhere
 */
@ConfigurationProperties("vitrine.shutdown")
record ShutdownSettings(@DefaultValue("5s") Duration drainDelay) {}
