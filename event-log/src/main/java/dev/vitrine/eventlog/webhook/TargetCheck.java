package dev.vitrine.eventlog.webhook;

import dev.vitrine.eventlog.webhook.AddressRanges.Use;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses a webhook URL and decides whether it may be delivered to: the one check, made when an endpoint is
 * registered and again before every delivery (a name may resolve elsewhere later). A webhook must not become a way
 * to reach Vitrine's own machine or network (SSRF), so every address the host resolves to must be public, unless
 * an administrator allowed a private network for the endpoint. What was allowed is the URI the HTTP client is given
 * and the addresses it may connect to ({@link PinnedResolver}): nothing is parsed or resolved twice.
 */
final class TargetCheck {

    /** The one canonical IPv4 notation: four decimal numbers without leading zeros. */
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /** A last label that makes a host an IPv4 address to browsers and inet_aton: decimal, or hexadecimal. */
    private static final Pattern NUMBER = Pattern.compile("\\d+|0[xX]\\p{XDigit}*");

    /** Why a target is refused, as its owner is told: never an address the owner did not write. */
    enum Refusal {
        MALFORMED("the URL must be http or https with a host, and without a user name, password or fragment"),
        NOTATION("an IP address must be four decimal numbers (IPv4) or in brackets (IPv6)"),
        NOT_ALLOWED("the target is not allowed: it is on this machine, a private network or a special-purpose"
                + " range; only an administrator may allow a private network"),
        UNRESOLVED("the host name does not resolve");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        String message() {
            return message;
        }
    }

    sealed interface Verdict {}

    /** Where to send: the URI as parsed, its host, and the only addresses the connection may go to. */
    record Allowed(URI uri, String host, List<InetAddress> addresses) implements Verdict {}

    /** Refused, with the details (names, addresses, ranges) for the server's log only. */
    record Refused(Refusal refusal, String detail) implements Verdict {}

    private TargetCheck() {}

    /** Resolves names: call it off the event loop. */
    static Verdict check(String url, boolean privateNetworkAllowed, Names names) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Refused(Refusal.MALFORMED, "not a URL: " + e.getReason());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null
                || uri.getPort() == 0
                || uri.getPort() > 65535) {
            // not the URL itself: a user name and password do not belong in the server's log either
            return new Refused(
                    Refusal.MALFORMED, "a scheme, user info, fragment or port refused, host " + uri.getHost());
        }
        String host = uri.getHost();
        if (host == null) {
            if (uri.getRawAuthority() == null) {
                return new Refused(Refusal.MALFORMED, url + " has no host");
            }
            // java.net.URI finds no host in 127.1 or 0x7f.1: what browsers and inet_aton read as IPv4 addresses
            String authority = uri.getRawAuthority().replaceFirst(":\\d*$", "");
            return endsInNumber(authority) ? notation(authority) : new Refused(Refusal.MALFORMED, url + " has no host");
        }
        if (host.contains("%")) {
            return new Refused(Refusal.MALFORMED, url + " names a network interface");
        }
        if (host.startsWith("[") || DOTTED_QUAD.matcher(host).matches()) {
            byte[] literal;
            try {
                literal = AddressRanges.bytes(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            } catch (IllegalArgumentException e) {
                return new Refused(Refusal.MALFORMED, url + ": " + e.getMessage());
            }
            InetAddress address = address(literal);
            Refused refused = judge(url, host, address, literal, privateNetworkAllowed);
            return refused != null ? refused : new Allowed(uri, host, List.of(address));
        }
        if (endsInNumber(host)) {
            return notation(host);
        }
        List<InetAddress> addresses;
        try {
            addresses = List.copyOf(names.resolve(host));
        } catch (UnknownHostException e) {
            return new Refused(Refusal.UNRESOLVED, host + " does not resolve: " + e.getMessage());
        }
        if (addresses.isEmpty()) {
            return new Refused(Refusal.UNRESOLVED, host + " resolves to no address");
        }
        for (InetAddress address : addresses) {
            Refused refused = judge(url, host, address, address.getAddress(), privateNetworkAllowed);
            if (refused != null) {
                return refused;
            }
        }
        return new Allowed(uri, host, addresses);
    }

    /** Null when {@code address} may be a target; {@code bytes} are its bytes as written or resolved. */
    private static Refused judge(String url, String host, InetAddress address, byte[] bytes, boolean allowed) {
        Use use = AddressRanges.of(bytes);
        if (use == Use.PUBLIC || allowed) {
            return null;
        }
        return new Refused(Refusal.NOT_ALLOWED, host + " is " + address.getHostAddress() + ", " + use + ", in " + url);
    }

    /** Whether a host is an IPv4 address in some notation, as the WHATWG URL standard decides it. */
    private static boolean endsInNumber(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return NUMBER.matcher(name.substring(name.lastIndexOf('.') + 1)).matches();
    }

    /** Octal, hexadecimal, short and integer forms read differently from one resolver to the next: none is taken. */
    private static Refused notation(String host) {
        String meaning;
        try {
            meaning =
                    "inet_aton reads it as " + Inet4Address.ofPosixLiteral(host).getHostAddress();
        } catch (IllegalArgumentException e) {
            meaning = "not an address inet_aton reads";
        }
        return new Refused(Refusal.NOTATION, host + " is an IPv4 address in another notation; " + meaning);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not 4 or 16 bytes", e);
        }
    }
}
