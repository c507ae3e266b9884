package dev.vitrine.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every answer's security headers: a Content-Security-Policy (strict for the web client's pages, nothing allowed for
 * the API's answers), and behind a TLS-terminating proxy the app trusts, HSTS and {@code Secure} cookies.
 */
@VitrineIntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class SecurityHeadersIT {

    @Autowired
    WebTestClient http;

    @Test
    void the_web_clients_pages_may_run_only_the_apps_own_scripts_and_styles() {
        String policy = http.get()
                .uri("/galleries/some-gallery/masonry")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getFirst("Content-Security-Policy");
        assertThat(policy)
                .contains("default-src 'self'")
                .contains("script-src 'self';")
                .contains("style-src 'self';")
                .contains("object-src 'none'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .containsPattern("img-src 'self' data: blob: http://localhost:\\d+")
                .containsPattern("connect-src 'self' http://localhost:\\d+");
    }

    @Test
    void the_apis_answers_allow_nothing() {
        assertThat(http.get()
                        .uri("/api/galleries")
                        .exchange()
                        .returnResult(Void.class)
                        .getResponseHeaders()
                        .getFirst("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    }

    @Test
    void over_plain_http_there_is_no_hsts_and_a_forwarded_scheme_from_nowhere_changes_nothing_it_should_not() {
        EntityExchangeResult<byte[]> plain =
                http.get().uri("/api/galleries").exchange().expectBody().returnResult();
        assertThat(plain.getResponseHeaders().getFirst("Strict-Transport-Security"))
                .isNull();
    }

    @Test
    void behind_a_trusted_proxy_the_urls_of_answers_are_the_address_it_says_the_client_used() {
        Api.User user = new Api(http).register();
        URI location = http.post()
                .uri("/api/galleries")
                .headers(user::sign)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "photos.example.com")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Behind the proxy", "visibility", "public"))
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation();
        assertThat(location.toString()).startsWith("https://photos.example.com/api/galleries/");
    }

    @Test
    void behind_a_trusted_tls_proxy_answers_carry_hsts_and_cookies_are_secure() {
        Api.User user = new Api(http).register();
        EntityExchangeResult<byte[]> signedIn = http.post()
                .uri("/api/session")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "photos.example.com")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user.username(), "password", user.password()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        assertThat(signedIn.getResponseHeaders().getFirst("Strict-Transport-Security"))
                .contains("max-age=");
        ResponseCookie session = signedIn.getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isSecure()).as("the session cookie over https").isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        ResponseCookie csrf = signedIn.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isSecure()).as("the CSRF cookie over https").isTrue();
    }
}
