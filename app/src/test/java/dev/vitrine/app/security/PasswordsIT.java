package dev.vitrine.app.security;

import static dev.vitrine.app.support.Problems.expectProblem;

import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Passwords are 8 to 72 bytes (bcrypt's own limit); a longer one is a clear 400 or a failed sign-in, never a 500. */
@VitrineIntegrationTest
class PasswordsIT {

    @Autowired
    WebTestClient http;

    WebTestClient.ResponseSpec register(String username, String password) {
        return http.post()
                .uri("/api/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    static String name() {
        return "p" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void a_password_over_72_bytes_is_refused_as_the_field_it_is() {
        expectProblem(register(name(), "x".repeat(100)), HttpStatus.BAD_REQUEST, "invalid_field", "password");
        // counted in bytes: 37 × "é" is 74 of them
        expectProblem(register(name(), "é".repeat(37)), HttpStatus.BAD_REQUEST, "invalid_field", "password");
        expectProblem(register(name(), "short"), HttpStatus.BAD_REQUEST, "invalid_field", "password");
    }

    @Test
    void a_password_of_72_bytes_is_taken_and_works() {
        String username = name();
        String password = "é".repeat(36);
        register(username, password).expectStatus().isCreated();
        http.get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, basic(username, password))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void signing_in_with_an_overlong_password_fails_as_any_wrong_password_does() {
        String username = name();
        register(username, "a-decent-password").expectStatus().isCreated();
        String overlong = "y".repeat(200);
        expectProblem(
                http.get()
                        .uri("/api/me")
                        .header(HttpHeaders.AUTHORIZATION, basic(username, overlong))
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                null);
        http.post()
                .uri("/api/session")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", overlong))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
    }
}
