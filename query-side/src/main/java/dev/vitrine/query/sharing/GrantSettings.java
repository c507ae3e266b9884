package dev.vitrine.query.sharing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param grantLifetime how long the right password of a link opens it for (the cookie's and the Bearer grant's
 *     lifetime); after that the holder is asked again
 */
@ConfigurationProperties("vitrine.sharing")
public record GrantSettings(@DefaultValue("1h") Duration grantLifetime) {}
