package dev.vitrine.app.web;

import dev.vitrine.api.error.ApiError;
import org.springframework.http.HttpStatus;

/** An error answer: its status and its {error, path, message} body. */
public record ApiProblem(HttpStatus status, ApiError body) {

    public static ApiProblem of(HttpStatus status, String error, String path, String message) {
        return new ApiProblem(status, new ApiError(error, path, message));
    }
}
