package dev.vitrine.app.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse limits (the README's {@code VITRINE_LIMITS_…}). Each counts per client address as the app sees it (behind
 * a proxy: the forwarded address, only when the proxy is trusted with {@code SERVER_FORWARD_HEADERS_STRATEGY})
 * or per account, and holds across nodes.
 *
 * @param enabled                    false turns every limit off (load tests, benchmarks)
 * @param signInFailuresPerAccount   failed sign-ins of one username (Basic or session) before it must wait
 * @param signInFailuresPerAddress   failed sign-ins from one address, whatever the username
 * @param registrationsPerAddress    accounts registered from one address
 * @param uploadsPerAccount          uploads one account may request
 * @param webhooksPerAccount         webhooks one account may register
 * @param unlocksPerAddress          passwords tried on share links from one address
 * @param unlocksPerLink             passwords tried on one share link, from anywhere
 * @param streamsPerCaller           event streams one caller (account, or address when anonymous) may hold open at
 *                                   once on a node
 */
@ConfigurationProperties("vitrine.limits")
public record LimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10/15m") Limit signInFailuresPerAccount,
        @DefaultValue("50/15m") Limit signInFailuresPerAddress,
        @DefaultValue("10/1h") Limit registrationsPerAddress,
        @DefaultValue("10000/1h") Limit uploadsPerAccount,
        @DefaultValue("20/1d") Limit webhooksPerAccount,
        @DefaultValue("30/15m") Limit unlocksPerAddress,
        @DefaultValue("100/1h") Limit unlocksPerLink,
        @DefaultValue("4") int streamsPerCaller) {}
