package dev.vitrine.eventlog.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.eventlog.webhook.TargetCheck.Allowed;
import dev.vitrine.eventlog.webhook.TargetCheck.Refusal;
import dev.vitrine.eventlog.webhook.TargetCheck.Refused;
import dev.vitrine.eventlog.webhook.TargetCheck.Verdict;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A webhook must not reach Vitrine's own machine or network unless an administrator allowed it, whatever the
 * notation of the address; names are judged by every address they resolve to.
 */
class TargetCheckTest {

    /** A stand-in for DNS; localhost is asked of the system. */
    static final Names NAMES = host -> switch (host) {
        case "public.example" -> List.of(InetAddress.ofLiteral("93.184.215.14"));
        case "public6.example" -> List.of(InetAddress.ofLiteral("2606:4700:4700::1111"));
        case "inside.example" -> List.of(InetAddress.ofLiteral("10.1.2.3"));
        case "partly-inside.example" ->
            List.of(InetAddress.ofLiteral("93.184.215.14"), InetAddress.ofLiteral("192.168.0.7"));
        // an AAAA answer in the IPv4-mapped form, kept as IPv6 by the resolver
        case "mapped.example" ->
            List.of(Inet6Address.getByAddress(
                    null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1}, -1));
        case "localhost" -> Names.SYSTEM.resolve(host);
        default -> throw new UnknownHostException(host);
    };

    @ParameterizedTest
    @CsvSource({
        // the two of the issue: an IPv4-compatible loopback and a NAT64 link-local address
        "http://[::127.0.0.1]:8080/x, NOT_ALLOWED",
        "http://[64:ff9b::a9fe:a9fe]/, NOT_ALLOWED",
        // IPv4, dotted
        "http://127.0.0.1/, NOT_ALLOWED",
        "http://127.255.255.254:8080/, NOT_ALLOWED",
        "http://0.0.0.0/, NOT_ALLOWED",
        "http://0.1.2.3/, NOT_ALLOWED",
        "http://10.0.0.1/, NOT_ALLOWED",
        "http://100.64.0.1/, NOT_ALLOWED",
        "http://100.127.255.254/, NOT_ALLOWED",
        "http://169.254.169.254/latest/meta-data/, NOT_ALLOWED",
        "http://172.16.0.1/, NOT_ALLOWED",
        "http://172.31.255.255/, NOT_ALLOWED",
        "http://192.0.0.9/, NOT_ALLOWED",
        "http://192.0.2.10/, NOT_ALLOWED",
        "http://192.88.99.1/, NOT_ALLOWED",
        "http://192.168.1.1/, NOT_ALLOWED",
        "http://198.18.0.1/, NOT_ALLOWED",
        "http://198.19.255.255/, NOT_ALLOWED",
        "http://198.51.100.7/, NOT_ALLOWED",
        "http://203.0.113.9/, NOT_ALLOWED",
        "http://224.0.0.1/, NOT_ALLOWED",
        "http://239.255.255.250/, NOT_ALLOWED",
        "http://240.0.0.1/, NOT_ALLOWED",
        "http://255.255.255.255/, NOT_ALLOWED",
        // IPv4, the other notations: integer, octal, hexadecimal, short
        "http://2130706433/, NOTATION",
        "http://017700000001/, NOTATION",
        "http://0x7f000001/, NOTATION",
        "http://0x7f.1/, NOTATION",
        "http://0x7f.0.0.1/, NOTATION",
        "http://127.1/, NOTATION",
        "http://127.0.1/, NOTATION",
        "http://0177.0.0.1/, NOTATION",
        "http://127.000.000.001/, NOTATION",
        "http://0/, NOTATION",
        "http://127.0.0.1./, NOTATION",
        // IPv4 in IPv6
        "http://[::ffff:127.0.0.1]/, NOT_ALLOWED",
        "http://[::ffff:7f00:1]/, NOT_ALLOWED",
        "http://[0:0:0:0:0:ffff:7f00:1]/, NOT_ALLOWED",
        "http://[::ffff:8.8.8.8]/, NOT_ALLOWED",
        "http://[::ffff:0:7f00:1]/, NOT_ALLOWED",
        "http://[::8.8.8.8]/, NOT_ALLOWED",
        "http://[::a9fe:a9fe]/, NOT_ALLOWED",
        "http://[64:ff9b::127.0.0.1]/, NOT_ALLOWED",
        "http://[64:ff9b::7f00:1]/, NOT_ALLOWED",
        "http://[64:ff9b::10.0.0.1]/, NOT_ALLOWED",
        "http://[64:ff9b::c0a8:101]/, NOT_ALLOWED",
        "http://[64:ff9b:1::808:808]/, NOT_ALLOWED",
        "http://[64:ff9b:1:a9fe:a9:fe00::]/, NOT_ALLOWED",
        "http://[2002:7f00:1::1]/, NOT_ALLOWED",
        "http://[2002:a9fe:a9fe::]/, NOT_ALLOWED",
        "http://[2002:c0a8:101::1]/, NOT_ALLOWED",
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/, NOT_ALLOWED",
        // IPv6
        "http://[::1]/, NOT_ALLOWED",
        "http://[0:0:0:0:0:0:0:1]:8080/, NOT_ALLOWED",
        "http://[::]/, NOT_ALLOWED",
        "http://[100::1]/, NOT_ALLOWED",
        "http://[2001:2::1]/, NOT_ALLOWED",
        "http://[2001:db8::1]/, NOT_ALLOWED",
        "http://[3fff::1]/, NOT_ALLOWED",
        "http://[5f00::1]/, NOT_ALLOWED",
        "http://[fc00::1]/, NOT_ALLOWED",
        "http://[fd12:3456::1]/, NOT_ALLOWED",
        "http://[fe80::1]/, NOT_ALLOWED",
        "http://[febf::1]/, NOT_ALLOWED",
        "http://[fec0::1]/, NOT_ALLOWED",
        "http://[ff02::1]/, NOT_ALLOWED",
        "http://[ff0e::1]/, NOT_ALLOWED",
        // names, by every address they resolve to
        "http://localhost:8080/hook, NOT_ALLOWED",
        "http://inside.example/, NOT_ALLOWED",
        "http://partly-inside.example/, NOT_ALLOWED",
        "http://mapped.example/, NOT_ALLOWED",
        "http://nowhere.example/, UNRESOLVED",
        // what a client might read differently from the check
        "http://user:secret@93.184.215.14/, MALFORMED",
        "http://93.184.215.14@127.0.0.1/, MALFORMED",
        "http://127.0.0.1#@93.184.215.14/, MALFORMED",
        "http://[fe80::1%25eth0]/, MALFORMED",
        "http://93.184.215.14:0/, MALFORMED",
        "http://93.184.215.14:99999/, MALFORMED",
        "http://exa_mple.com/, MALFORMED",
        "http:///hook, MALFORMED",
        "ftp://93.184.215.14/, MALFORMED",
        "HTTP://93.184.215.14/, MALFORMED",
        "http://93.184.215.14\\@127.0.0.1/, MALFORMED",
    })
    void refused(String url, Refusal why) {
        assertThat(TargetCheck.check(url, false, NAMES))
                .as(url)
                .isInstanceOfSatisfying(
                        Refused.class, refused -> assertThat(refused.refusal()).isEqualTo(why));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.215.14/",
                "https://1.1.1.1:8443/hook?x=1",
                "http://8.8.8.8/",
                "http://11.0.0.1/",
                "http://100.63.255.255/",
                "http://100.128.0.1/",
                "http://126.255.255.255/",
                "http://128.0.0.1/",
                "http://169.253.255.255/",
                "http://172.15.255.255/",
                "http://172.32.0.1/",
                "http://192.0.1.255/",
                "http://192.167.255.255/",
                "http://198.17.255.255/",
                "http://198.20.0.1/",
                "http://223.255.255.255/",
                "http://[2606:4700:4700::1111]/",
                "http://[2a00:1450:4001:80b::200e]:8080/",
                "http://[64:ff9b::808:808]/",
                "http://[64:ff9b::8.8.8.8]/",
                "http://[2002:808:808::1]/",
                "http://public.example/hook",
                "https://public6.example:8443/hook",
            })
    void allowed(String url) {
        assertThat(TargetCheck.check(url, false, NAMES)).as(url).isInstanceOf(Allowed.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/hook",
                "http://localhost:8080/hook",
                "http://inside.example/",
                "http://[::1]/",
                "http://192.168.1.1/"
            })
    void an_administrator_may_allow_this_machine_and_private_networks(String url) {
        assertThat(TargetCheck.check(url, true, NAMES)).as(url).isInstanceOf(Allowed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://127.1/", "http://user@127.0.0.1/", "ftp://127.0.0.1/"})
    void no_administrator_makes_an_ambiguous_url_acceptable(String url) {
        assertThat(TargetCheck.check(url, true, NAMES)).as(url).isInstanceOf(Refused.class);
    }

    @Test
    void the_check_gives_the_addresses_it_judged_for_the_connection_to_use() {
        Verdict verdict = TargetCheck.check("https://public.example:8443/hook?x=1", false, NAMES);

        assertThat(verdict).isInstanceOfSatisfying(Allowed.class, allowed -> {
            assertThat(allowed.host()).isEqualTo("public.example");
            assertThat(allowed.addresses()).containsExactly(InetAddress.ofLiteral("93.184.215.14"));
            assertThat(allowed.uri().getPort()).isEqualTo(8443);
            assertThat(allowed.uri().getRawQuery()).isEqualTo("x=1");
        });
    }

    @Test
    void the_owner_is_not_told_where_a_name_points_the_server_log_is() {
        Refused refused = (Refused) TargetCheck.check("http://inside.example/", false, NAMES);

        assertThat(refused.refusal().message()).doesNotContain("10.1.2.3").contains("administrator");
        assertThat(refused.detail()).contains("10.1.2.3").contains("PRIVATE");
        assertThat(((Refused) TargetCheck.check("http://0x7f.1/", false, NAMES)).detail())
                .contains("127.0.0.1");
    }

    @Test
    void every_refusal_tells_the_owner_something_without_an_address() {
        for (Refusal refusal : Refusal.values()) {
            assertThat(refusal.message()).isNotBlank().doesNotContainPattern("\\d+\\.\\d+|::");
        }
    }

    @Test
    void a_range_decides_by_its_most_specific_entry() {
        Map<String, AddressRanges.Use> uses = Map.of(
                "2001::1", AddressRanges.Use.TEREDO,
                "2001:1ff::1", AddressRanges.Use.PROTOCOL_ASSIGNMENTS,
                "2001:200::1", AddressRanges.Use.PUBLIC,
                "2001:db8::1", AddressRanges.Use.DOCUMENTATION,
                "::2", AddressRanges.Use.IPV4_COMPATIBLE,
                "::1", AddressRanges.Use.LOOPBACK,
                "::ffff:8.8.8.8", AddressRanges.Use.IPV4_MAPPED,
                "64:ff9b::a9fe:a9fe", AddressRanges.Use.NAT64,
                "2002:a9fe:a9fe::", AddressRanges.Use.SIX_TO_FOUR,
                "4000::1", AddressRanges.Use.RESERVED);
        uses.forEach((literal, use) -> assertThat(AddressRanges.of(AddressRanges.bytes(literal)))
                .as(literal)
                .isEqualTo(use));
    }
}
