package dev.vitrine.eventlog.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** A webhook must not reach Vitrine's own machine or network unless an administrator allowed it. */
class TargetCheckTest {

    @Test
    void loopback_private_link_local_and_shared_ranges_are_internal() throws Exception {
        for (String address : new String[] {
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1"
        }) {
            assertThat(TargetCheck.internal(InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
        for (String address : new String[] {"93.184.215.14", "8.8.8.8", "2606:4700::1111"}) {
            assertThat(TargetCheck.internal(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
    }

    @Test
    void a_target_on_this_machine_is_refused_unless_allowed() {
        assertThat(TargetCheck.refusal("http://127.0.0.1:8080/hook", false))
                .get()
                .asString()
                .contains("127.0.0.1")
                .contains("administrator");
        assertThat(TargetCheck.refusal("http://localhost/hook", false)).isPresent();
        assertThat(TargetCheck.refusal("http://127.0.0.1:8080/hook", true)).isEmpty();
        assertThat(TargetCheck.refusal("ftp://example.com/hook", true)).isPresent();
    }
}
