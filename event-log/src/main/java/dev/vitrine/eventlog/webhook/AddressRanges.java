package dev.vitrine.eventlog.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What an IP address is for: the one table webhook targets are judged by, after IANA's IPv4 and IPv6
 * special-purpose address registries (RFC 6890 and later). The most specific range holding an address decides.
 * IPv6 is refused outside global unicast (2000::/3) unless listed, so a range assigned later is refused until
 * it is known; IPv4 is public unless listed.
 */
final class AddressRanges {

    /** What a range is for. Only {@link #PUBLIC} addresses are webhook targets without an administrator's leave. */
    enum Use {
        PUBLIC,
        THIS_NETWORK,
        LOOPBACK,
        PRIVATE,
        SHARED,
        LINK_LOCAL,
        SITE_LOCAL,
        UNIQUE_LOCAL,
        MULTICAST,
        BROADCAST,
        DOCUMENTATION,
        BENCHMARKING,
        PROTOCOL_ASSIGNMENTS,
        RESERVED,
        DISCARD,
        IPV4_MAPPED,
        IPV4_COMPATIBLE,
        TEREDO,
        // a local-use translation prefix: where the IPv4 address sits in it is the operator's choice, so no check
        LOCAL_NAT64,
        // the well-known NAT64 prefix and 6to4 carry an IPv4 address at a fixed place: that address decides
        NAT64(12),
        SIX_TO_FOUR(2);

        private final int embeddedIpv4;

        Use() {
            this(-1);
        }

        Use(int embeddedIpv4) {
            this.embeddedIpv4 = embeddedIpv4;
        }
    }

    private record Range(byte[] prefix, int bits, Use use) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit += 8) {
                int mask = 0xff << (8 - Math.min(8, bits - bit)) & 0xff;
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Range> RANGES = List.of(
            range("0.0.0.0/0", Use.PUBLIC),
            range("0.0.0.0/8", Use.THIS_NETWORK),
            range("10.0.0.0/8", Use.PRIVATE),
            range("100.64.0.0/10", Use.SHARED),
            range("127.0.0.0/8", Use.LOOPBACK),
            range("169.254.0.0/16", Use.LINK_LOCAL),
            range("172.16.0.0/12", Use.PRIVATE),
            range("192.0.0.0/24", Use.PROTOCOL_ASSIGNMENTS),
            range("192.0.2.0/24", Use.DOCUMENTATION),
            range("192.88.99.0/24", Use.RESERVED), // the former 6to4 relay anycast
            range("192.168.0.0/16", Use.PRIVATE),
            range("198.18.0.0/15", Use.BENCHMARKING),
            range("198.51.100.0/24", Use.DOCUMENTATION),
            range("203.0.113.0/24", Use.DOCUMENTATION),
            range("224.0.0.0/4", Use.MULTICAST),
            range("240.0.0.0/4", Use.RESERVED),
            range("255.255.255.255/32", Use.BROADCAST),
            range("::/0", Use.RESERVED),
            range("2000::/3", Use.PUBLIC),
            range("::/128", Use.THIS_NETWORK),
            range("::1/128", Use.LOOPBACK),
            range("::/96", Use.IPV4_COMPATIBLE),
            range("::ffff:0:0/96", Use.IPV4_MAPPED),
            range("::ffff:0:0:0/96", Use.IPV4_MAPPED), // IPv4-translated (SIIT)
            range("64:ff9b::/96", Use.NAT64),
            range("64:ff9b:1::/48", Use.LOCAL_NAT64),
            range("100::/64", Use.DISCARD),
            range("2001::/23", Use.PROTOCOL_ASSIGNMENTS),
            range("2001::/32", Use.TEREDO),
            range("2001:db8::/32", Use.DOCUMENTATION),
            range("2002::/16", Use.SIX_TO_FOUR),
            range("3fff::/20", Use.DOCUMENTATION),
            range("fc00::/7", Use.UNIQUE_LOCAL),
            range("fe80::/10", Use.LINK_LOCAL),
            range("fec0::/10", Use.SITE_LOCAL),
            range("ff00::/8", Use.MULTICAST));

    private AddressRanges() {}

    /**
     * What {@code address} (4 or 16 bytes, as {@link #bytes} gives them) is for; a NAT64 or 6to4 address of a
     * public IPv4 address is public, of any other it is not.
     */
    static Use of(byte[] address) {
        Use use = RANGES.stream()
                .filter(range -> range.contains(address))
                .max(Comparator.comparingInt(Range::bits))
                .orElseThrow()
                .use();
        if (use.embeddedIpv4 >= 0
                && of(Arrays.copyOfRange(address, use.embeddedIpv4, use.embeddedIpv4 + 4)) == Use.PUBLIC) {
            return Use.PUBLIC;
        }
        return use;
    }

    /**
     * The bytes of an IP literal as written. Java turns an IPv4-mapped IPv6 literal ({@code ::ffff:127.0.0.1}) into
     * the IPv4 address it maps; its 16 bytes are kept here, so that the mapped form is judged as such.
     */
    static byte[] bytes(String literal) {
        InetAddress address = InetAddress.ofLiteral(literal);
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address && literal.contains(":")) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }

    private static Range range(String cidr, Use use) {
        int slash = cidr.indexOf('/');
        return new Range(bytes(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)), use);
    }
}
