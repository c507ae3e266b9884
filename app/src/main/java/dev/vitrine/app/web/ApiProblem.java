package dev.vitrine.app.web;

import dev.vitrine.api.error.ApiError;
import dev.vitrine.api.error.ErrorCode;
import org.springframework.http.HttpStatus;

/** An error answer: its status (the code's own) and its {error, path, message} body. */
public record ApiProblem(HttpStatus status, ApiError body) {

    public static ApiProblem of(ErrorCode error, String path, String message) {
        return of(new ApiError(error, path, message));
    }

    public static ApiProblem of(ApiError body) {
        return new ApiProblem(HttpStatus.valueOf(body.error().status()), body);
    }
}
