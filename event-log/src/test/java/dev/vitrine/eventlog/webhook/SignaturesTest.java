package dev.vitrine.eventlog.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Integrators verify with their Standard Webhooks library: what we send must be what it computes. */
class SignaturesTest {

    @Test
    void a_signature_is_the_one_of_the_standard_webhooks_test_vector() {
        assertThat(Signatures.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void every_endpoint_gets_a_secret_of_its_own_in_the_standard_format() {
        String secret = Signatures.newSecret();
        assertThat(secret).startsWith("whsec_").isNotEqualTo(Signatures.newSecret());
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
    }
}
