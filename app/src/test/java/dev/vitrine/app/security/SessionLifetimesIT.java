package dev.vitrine.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.BrowserSession;
import dev.vitrine.app.support.VitrineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A session ends when unused for its idle timeout, and at its absolute timeout however active it is. */
@VitrineIntegrationTest
@TestPropertySource(properties = {"vitrine.sessions.idle-timeout=3s", "vitrine.sessions.absolute-timeout=6s"})
class SessionLifetimesIT {

    @Autowired
    WebTestClient http;

    @Test
    void an_unused_session_ends_after_its_idle_timeout() throws InterruptedException {
        Api.User user = new Api(http).register();
        BrowserSession session = BrowserSession.signIn(http, user.username(), user.password());
        assertThat(session.get("/api/me")).isEqualTo(200);
        Thread.sleep(4_000);
        assertThat(session.get("/api/me")).isEqualTo(401);
    }

    @Test
    void an_active_session_ends_at_its_absolute_timeout() throws InterruptedException {
        Api.User user = new Api(http).register();
        BrowserSession session = BrowserSession.signIn(http, user.username(), user.password());
        long started = System.nanoTime();
        while (System.nanoTime() - started < 4_500_000_000L) {
            assertThat(session.get("/api/me"))
                    .as("used every second, before 6 s")
                    .isEqualTo(200);
            Thread.sleep(1_000);
        }
        Thread.sleep(2_000); // past 6 s, though used a second ago... and two
        assertThat(session.get("/api/me")).isEqualTo(401);
    }
}
