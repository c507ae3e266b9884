package dev.vitrine.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The web client's way in: a session cookie from signing in, and the CSRF token its writes echo. */
public record BrowserSession(WebTestClient http, String cookie) {

    public static BrowserSession signIn(WebTestClient http, String username, String password) {
        ResponseCookie cookie = http.post()
                .uri("/api/session")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseCookies()
                .getFirst("SESSION");
        assertThat(cookie).as("the session cookie").isNotNull();
        return new BrowserSession(http, cookie.getValue());
    }

    /** The status of a GET made with this session. */
    public int get(String uri) {
        return http.get()
                .uri(uri)
                .cookie("SESSION", cookie)
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value();
    }

    /** A write, with the CSRF token the web client reads from its cookie. */
    public WebTestClient.ResponseSpec write(HttpMethod method, String uri, Object body) {
        String csrf = csrfToken();
        var request = http.method(method)
                .uri(uri)
                .cookie("SESSION", cookie)
                .cookie("XSRF-TOKEN", csrf)
                .header("X-XSRF-TOKEN", csrf);
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    private String csrfToken() {
        ResponseCookie token = http.get()
                .uri("/api/session")
                .cookie("SESSION", cookie)
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseCookies()
                .getFirst("XSRF-TOKEN");
        assertThat(token).as("the CSRF cookie").isNotNull();
        return token.getValue();
    }
}
