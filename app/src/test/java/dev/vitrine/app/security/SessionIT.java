package dev.vitrine.app.security;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.TestDatabaseInitializer;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Signing in with a session cookie (the web client's way), CSRF protection, and HTTP Basic beside it. */
@VitrineIntegrationTest
class SessionIT {

    @Autowired
    WebTestClient http;

    Api api;
    Api.User user;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        user = api.register();
    }

    @Test
    void a_signed_in_session_is_known_by_its_cookie_and_its_writes_need_the_csrf_token() {
        String session = signIn(user.username(), user.password());
        http.get()
                .uri("/api/me")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo(user.username());

        var forged = http.post()
                .uri("/api/galleries")
                .cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Forged"))
                .exchange();
        expectProblem(forged, HttpStatus.FORBIDDEN, "forbidden", null);

        String csrf = csrfToken(session);
        http.post()
                .uri("/api/galleries")
                .cookie("SESSION", session)
                .cookie("XSRF-TOKEN", csrf)
                .header("X-XSRF-TOKEN", csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "From the web client"))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void signing_out_ends_the_session() {
        String session = signIn(user.username(), user.password());
        String csrf = csrfToken(session);
        http.delete()
                .uri("/api/session")
                .cookie("SESSION", session)
                .cookie("XSRF-TOKEN", csrf)
                .header("X-XSRF-TOKEN", csrf)
                .exchange()
                .expectStatus()
                .isNoContent();

        expectProblem(
                http.get().uri("/api/me").cookie("SESSION", session).exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                null);
        http.get()
                .uri("/api/session")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @Test
    void a_wrong_password_is_a_401_without_a_session() {
        var response = http.post()
                .uri("/api/session")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user.username(), "password", "not the password"))
                .exchange();
        expectProblem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", null);
        response.expectCookie().doesNotExist("SESSION");
    }

    @Test
    void basic_clients_sign_each_request_and_get_no_session() {
        http.get()
                .uri("/api/me")
                .headers(user::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectCookie()
                .doesNotExist("SESSION");
        expectProblem(
                http.get()
                        .uri("/api/me")
                        .headers(h -> h.setBasicAuth(user.username(), "wrong"))
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                null);
    }

    @Test
    void api_clients_are_told_to_use_basic_but_the_web_client_gets_no_browser_prompt() {
        http.get()
                .uri("/api/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Basic realm=\"Vitrine\"");
        http.get()
                .uri("/api/me")
                .header("X-Requested-With", "XMLHttpRequest")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .doesNotExist("WWW-Authenticate");
    }

    @Test
    void usernames_are_unique_whatever_their_case() {
        var response = http.post()
                .uri("/api/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user.username().toUpperCase(), "password", "another password"))
                .exchange();
        expectProblem(response, HttpStatus.CONFLICT, "username_taken", "username");
    }

    @Test
    void the_configured_administrator_exists_and_may_manage_anyones_gallery() {
        var admin = new Api.User(TestDatabaseInitializer.ADMIN_USERNAME, TestDatabaseInitializer.ADMIN_PASSWORD, null);
        http.get()
                .uri("/api/me")
                .headers(admin::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.roles[?(@ == 'admin')]")
                .exists();

        GalleryView gallery = api.createGallery(user, "Needs moderation", Visibility.PRIVATE);
        http.patch()
                .uri("/api/galleries/" + gallery.id())
                .headers(admin::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Moderated"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Moderated");
    }

    private String signIn(String username, String password) {
        EntityExchangeResult<byte[]> result = http.post()
                .uri("/api/session")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo(username)
                .returnResult();
        ResponseCookie cookie = result.getResponseCookies().getFirst("SESSION");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        return cookie.getValue();
    }

    /** The web client reads the token from the cookie set on any response to its session. */
    private String csrfToken(String session) {
        ResponseCookie cookie = http.get()
                .uri("/api/me")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseCookies()
                .getFirst("XSRF-TOKEN");
        assertThat(cookie).isNotNull();
        return cookie.getValue();
    }
}
