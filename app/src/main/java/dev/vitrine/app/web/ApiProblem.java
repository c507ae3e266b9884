package dev.vitrine.app.web;

import dev.vitrine.api.error.ApiError;
import dev.vitrine.api.error.ErrorCode;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * An error answer: its status (the code's own), its {error, path, message} body and, for a refusal that will pass
 * later, when ({@code Retry-After}; null otherwise).
 */
public record ApiProblem(HttpStatus status, ApiError body, Duration retryAfter) {

    public static ApiProblem of(ErrorCode error, String path, String message) {
        return of(new ApiError(error, path, message));
    }

    public static ApiProblem of(ApiError body) {
        return new ApiProblem(HttpStatus.valueOf(body.error().status()), body, null);
    }
}
