package dev.vitrine.app.support;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Checks an error answer: its status and the {error, path, message} body every error has. */
public final class Problems {

    private Problems() {}

    public static void expectProblem(
            WebTestClient.ResponseSpec response, HttpStatus status, String error, String path) {
        var body = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith("application/json")
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo(error)
                .jsonPath("$.message")
                .isNotEmpty();
        if (path == null) {
            body.jsonPath("$.path").isEmpty();
        } else {
            body.jsonPath("$.path").isEqualTo(path);
        }
    }
}
