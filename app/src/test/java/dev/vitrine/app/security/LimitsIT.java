package dev.vitrine.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * Abuse limits, with small numbers: each limit lets its count through, then answers 429 {@code rate_limited}
 * with a Retry-After, before doing the costly thing it protects.
 */
@VitrineIntegrationTest
@Import(LimitsIT.CountingHashes.class)
@TestPropertySource(
        properties = {
            "vitrine.limits.enabled=true",
            "vitrine.limits.sign-in-failures-per-account=3/1h",
            "vitrine.limits.sign-in-failures-per-address=6/1h",
            "vitrine.limits.registrations-per-address=4/1h",
            "vitrine.limits.uploads-per-account=3/1h",
            "vitrine.limits.webhooks-per-account=2/1h",
            "vitrine.limits.streams-per-caller=2",
            "vitrine.limits.unlocks-per-link=3/1h"
        })
class LimitsIT {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AtomicInteger passwordChecks;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM rate_limit_bucket"); // each test counts from nothing
        api = new Api(http);
    }

    @Test
    void failed_sign_ins_of_a_username_are_refused_once_used_up_even_with_the_right_password() {
        Api.User user = api.register();
        for (int i = 0; i < 3; i++) {
            assertThat(me(user.username(), "wrong-password-" + i).getStatus().value())
                    .isEqualTo(401);
        }
        EntityExchangeResult<byte[]> refused = me(user.username(), user.password());
        assertRateLimited(refused);
        int checks = passwordChecks.get();
        me(user.username(), user.password());
        assertThat(passwordChecks.get())
                .as("no password is hashed once refused")
                .isEqualTo(checks);
        // the same limit for the web client's sign-in form
        assertThat(http.post()
                        .uri("/api/session")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("username", user.username(), "password", user.password()))
                        .exchange()
                        .returnResult(Void.class)
                        .getStatus()
                        .value())
                .isEqualTo(429);
    }

    @Test
    void failed_sign_ins_from_one_address_are_refused_once_used_up_whatever_the_username() {
        Api.User user = api.register();
        for (int i = 0; i < 6; i++) {
            assertThat(me("nobody-" + UUID.randomUUID(), "guess").getStatus().value())
                    .isEqualTo(401);
        }
        assertRateLimited(me(user.username(), user.password()));
    }

    @Test
    void an_unknown_username_costs_a_password_check_as_a_wrong_password_does() {
        Api.User user = api.register();
        int before = passwordChecks.get();
        me("nobody-" + UUID.randomUUID(), "some-password");
        int forUnknown = passwordChecks.get() - before;
        me(user.username(), "not-the-password");
        int forWrong = passwordChecks.get() - before - forUnknown;
        assertThat(forUnknown).isEqualTo(forWrong).isEqualTo(1);
    }

    @Test
    void passwords_tried_on_one_share_link_are_limited_and_refused_before_any_hash() {
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Guarded", Visibility.PRIVATE);
        String token = api.share(owner, gallery.id(), Map.of("password", "the-right-one"))
                .token();
        for (int i = 0; i < 3; i++) {
            unlock(token, "wrong-" + i).expectStatus().isUnauthorized();
        }
        int before = passwordChecks.get();
        assertRateLimited(unlock(token, "the-right-one").expectBody().returnResult());
        assertThat(passwordChecks.get()).isEqualTo(before);
    }

    private WebTestClient.ResponseSpec unlock(String token, String password) {
        return http.post()
                .uri("/api/shared/" + token + "/unlock")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", password))
                .exchange();
    }

    @Test
    void registrations_from_one_address_are_limited() {
        for (int i = 0; i < 4; i++) {
            api.register();
        }
        assertRateLimited(http.post()
                .uri("/api/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "late" + System.nanoTime(), "password", "a-decent-password"))
                .exchange()
                .expectBody()
                .returnResult());
    }

    @Test
    void uploads_requested_by_one_account_are_limited() {
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Many", Visibility.PRIVATE);
        for (int i = 0; i < 3; i++) {
            api.requestUpload(owner, gallery.id(), "Landscape_1.jpg", "image/jpeg");
        }
        assertRateLimited(http.post()
                .uri("/api/uploads")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "filename", "x.jpg", "contentType", "image/jpeg", "size", 1000, "galleryId", gallery.id()))
                .exchange()
                .expectBody()
                .returnResult());
    }

    @Test
    void webhooks_registered_by_one_account_are_limited() {
        Api.User owner = api.register();
        for (int i = 0; i < 2; i++) {
            http.post()
                    .uri("/api/webhooks")
                    .headers(owner::sign)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("url", "http://93.184.216.34/hook-" + i))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        assertRateLimited(http.post()
                .uri("/api/webhooks")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "http://93.184.216.34/hook-3"))
                .exchange()
                .expectBody()
                .returnResult());
    }

    @Test
    void event_streams_held_open_at_once_by_one_caller_are_limited() throws InterruptedException {
        Api.User user = api.register();
        WebClient client = WebClient.create("http://localhost:" + port);
        Disposable first = open(client, user);
        Disposable second = open(client, user);
        Thread.sleep(500); // both are open
        assertRateLimited(http.get()
                .uri("/api/events/stream")
                .headers(user::sign)
                .exchange()
                .expectBody()
                .returnResult());
        first.dispose();
        Thread.sleep(500);
        Disposable third = open(client, user);
        Thread.sleep(500);
        assertThat(third.isDisposed())
                .as("a stream after one was closed is open")
                .isFalse();
        second.dispose();
        third.dispose();
    }

    private Disposable open(WebClient client, Api.User user) {
        return client.get()
                .uri("/api/events/stream")
                .headers(user::sign)
                .retrieve()
                .bodyToFlux(ServerSentEvent.class)
                .subscribe();
    }

    private EntityExchangeResult<byte[]> me(String username, String password) {
        return http.get()
                .uri("/api/me")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes()))
                .exchange()
                .expectBody()
                .returnResult();
    }

    private static void assertRateLimited(EntityExchangeResult<byte[]> answer) {
        assertThat(answer.getStatus().value()).isEqualTo(429);
        assertThat(new String(answer.getResponseBody())).contains("\"error\":\"rate_limited\"");
        String retryAfter = answer.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).isNotNull();
        assertThat(Duration.ofSeconds(Long.parseLong(retryAfter))).isPositive();
    }

    /** Counts the app's password checks (each one a bcrypt hash unless remembered). */
    @TestConfiguration
    static class CountingHashes {

        @Bean
        AtomicInteger passwordChecks() {
            return new AtomicInteger();
        }

        @Bean
        static BeanPostProcessor countPasswordChecks(AtomicInteger passwordChecks) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof PasswordEncoder encoder)) {
                        return bean;
                    }
                    return new PasswordEncoder() {
                        @Override
                        public String encode(CharSequence raw) {
                            return encoder.encode(raw);
                        }

                        @Override
                        public boolean matches(CharSequence raw, String encoded) {
                            passwordChecks.incrementAndGet();
                            return encoder.matches(raw, encoded);
                        }

                        @Override
                        public boolean upgradeEncoding(String encoded) {
                            return encoder.upgradeEncoding(encoded);
                        }
                    };
                }
            };
        }
    }
}
