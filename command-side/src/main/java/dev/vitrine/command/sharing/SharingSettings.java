package dev.vitrine.command.sharing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultExpiry how long a link works when its maker says nothing of it (links that never expire must be
 *     asked for)
 */
@ConfigurationProperties("vitrine.sharing")
public record SharingSettings(@DefaultValue("30d") Duration defaultExpiry) {}
