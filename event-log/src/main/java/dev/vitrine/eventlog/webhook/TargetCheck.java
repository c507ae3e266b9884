package dev.vitrine.eventlog.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Refuses webhook targets on this machine or a private network unless an administrator allowed it for that
 * endpoint: a webhook must not become a way to reach Vitrine's own services (SSRF). Checked when an endpoint is
 * registered and again before every delivery, as a name may resolve elsewhere later.
 */
final class TargetCheck {

    private TargetCheck() {}

    /** Why {@code url} may not be delivered to, if it may not. Resolves names: call it off the event loop. */
    static Optional<String> refusal(String url, boolean privateNetworkAllowed) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL: " + e.getMessage());
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return Optional.of("the URL must be http or https with a host");
        }
        if (privateNetworkAllowed) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (internal(address)) {
                    return Optional.of(uri.getHost() + " resolves to " + address.getHostAddress()
                            + ", on this machine or a private network; only an administrator may allow that");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("the host " + uri.getHost() + " does not resolve");
        }
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0
                || (first == 100 && second >= 64 && second < 128) // shared address space 100.64/10
                || (first == 198 && (second == 18 || second == 19)); // benchmarking 198.18/15
    }
}
