package dev.vitrine.app.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;

/** What a request that cannot be served for now must answer: 503 service_unavailable with Retry-After, soon. */
final class Unavailable {

    static final Duration BOUND = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Unavailable() {}

    static void assertUnavailable(TimedCall call) {
        assertThat(call.status()).as("status of %s", call).isEqualTo(503);
        assertThat(call.took()).as("time taken by %s", call).isLessThan(BOUND);
        assertThat(call.retryAfter()).as("Retry-After of %s", call).isNotNull().containsOnlyDigits();
        assertThat(Long.parseLong(call.retryAfter()))
                .as("Retry-After of %s", call)
                .isPositive();
        Map<String, Object> body;
        try {
            body = JSON.readValue(call.body(), new TypeReference<Map<String, Object>>() {});
        } catch (Exception e) {
            throw new AssertionError("not a JSON problem: " + call, e);
        }
        assertThat(body).as("body of %s", call).containsEntry("error", "service_unavailable");
        assertThat(body).as("body of %s", call).containsEntry("path", null);
        assertThat((String) body.get("message")).as("message of %s", call).isNotBlank();
    }
}
