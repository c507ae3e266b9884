package dev.vitrine.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vitrine.api.error.ApiError;
import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RateLimitedException;
import dev.vitrine.api.error.RejectedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** Every failure, as the {error, path, message} answer a client should get. Unknown failures are a plain 500. */
final class ProblemTranslator {

    private ProblemTranslator() {}

    static Optional<ApiProblem> translate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Optional<ApiProblem> known = known(cause);
            if (known.isPresent()) {
                return known;
            }
        }
        return Optional.empty();
    }

    private static Optional<ApiProblem> known(Throwable e) {
        return Optional.ofNullable(
                switch (e) {
                    case RateLimitedException limited ->
                        new ApiProblem(
                                HttpStatus.TOO_MANY_REQUESTS,
                                new ApiError(ErrorCode.RATE_LIMITED, null, limited.getMessage()),
                                limited.retryAfter());
                    case RejectedException rejected -> rejected(rejected);
                    case WebExchangeBindException binding -> fieldErrors(binding.getFieldErrors());
                    case HandlerMethodValidationException validation -> parameterErrors(validation);
                    case ConstraintViolationException violations -> violations(violations);
                    case JsonProcessingException json -> BodyProblems.of(json);
                    case DecodingException decoding when decoding.getCause() == null -> missingOrMalformed(decoding);
                    case MissingRequestValueException missing ->
                        ApiProblem.of(ErrorCode.MISSING_VALUE, missing.getName(), "is required");
                    case ServerWebInputException input
                    when input.getMethodParameter() != null
                            && input.getMethodParameter().getParameterName() != null
                            && input.getCause() != null
                            && !(input.getCause() instanceof DecodingException) ->
                        ApiProblem.of(
                                ErrorCode.INVALID_PARAMETER,
                                input.getMethodParameter().getParameterName(),
                                "has an invalid value");
                    case ServerWebInputException input when input.getCause() == null -> missingOrMalformed(input);
                    case AggregateNotFoundException missing ->
                        ApiProblem.of(
                                ErrorCode.NOT_FOUND, null, "no such resource " + missing.getAggregateIdentifier());
                    case ConcurrencyException conflict ->
                        ApiProblem.of(
                                ErrorCode.CONCURRENT_MODIFICATION,
                                null,
                                "someone else changed this at the same moment; try again");
                    case AuthenticationException unauthenticated ->
                        ApiProblem.of(ErrorCode.UNAUTHENTICATED, null, "sign in first");
                    case AccessDeniedException denied ->
                        ApiProblem.of(ErrorCode.FORBIDDEN, null, "you may not do this");
                    case ResponseStatusException status
                    when !(status instanceof ServerWebInputException) -> fromStatus(status);
                    default -> null;
                });
    }

    /** Spring's own wording names Java types and methods: clients get ours. */
    private static ApiProblem missingOrMalformed(Throwable e) {
        if (String.valueOf(e.getMessage()).contains("No request body")) {
            return ApiProblem.of(ErrorCode.MISSING_BODY, null, "a JSON body is required");
        }
        return BodyProblems.malformed(null);
    }

    private static ApiProblem rejected(RejectedException e) {
        return ApiProblem.of(new ApiError(e.code(), e.path(), e.getMessage(), List.of(), e.existingId()));
    }

    private static ApiProblem fieldErrors(List<FieldError> errors) {
        List<ApiError.FieldProblem> problems = errors.stream()
                .map(error -> new ApiError.FieldProblem(fieldPath(error.getField()), error.getDefaultMessage()))
                .sorted(Comparator.comparing(ApiError.FieldProblem::path))
                .toList();
        return problems(problems);
    }

    private static ApiProblem parameterErrors(HandlerMethodValidationException e) {
        List<ApiError.FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ApiError.FieldProblem(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return problems(problems);
    }

    /** Bean Validation of a method's parameters outside Spring's own: each named by its last node. */
    private static ApiProblem violations(ConstraintViolationException e) {
        List<ApiError.FieldProblem> problems = e.getConstraintViolations().stream()
                .map(violation -> {
                    String path = "";
                    for (Path.Node node : violation.getPropertyPath()) {
                        path = node.getName();
                    }
                    return new ApiError.FieldProblem(path, violation.getMessage());
                })
                .sorted(Comparator.comparing(ApiError.FieldProblem::path))
                .toList();
        ApiError.FieldProblem first = problems.getFirst();
        return ApiProblem.of(new ApiError(
                ErrorCode.INVALID_PARAMETER,
                first.path(),
                first.message(),
                problems.size() > 1 ? problems : List.of(),
                null));
    }

    private static ApiProblem problems(List<ApiError.FieldProblem> problems) {
        ApiError.FieldProblem first = problems.getFirst();
        return ApiProblem.of(new ApiError(
                ErrorCode.INVALID_FIELD,
                first.path(),
                first.message(),
                problems.size() > 1 ? problems : List.of(),
                null));
    }

    /** Bean Validation names Optional contents "description" already; strip container noise such as "<...>". */
    private static String fieldPath(String field) {
        return field.replaceAll("\\.<[^>]+>$", "").replaceAll("\\.<[^>]+>", ".");
    }

    private static ApiProblem fromStatus(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        return switch (status) {
            case NOT_FOUND -> ApiProblem.of(ErrorCode.NOT_FOUND, null, "no such resource");
            case METHOD_NOT_ALLOWED ->
                ApiProblem.of(ErrorCode.METHOD_NOT_ALLOWED, null, "this resource does not take that method");
            case UNSUPPORTED_MEDIA_TYPE ->
                ApiProblem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, "send the body as application/json");
            case NOT_ACCEPTABLE ->
                ApiProblem.of(ErrorCode.NOT_ACCEPTABLE, null, "this resource answers application/json");
            case PAYLOAD_TOO_LARGE -> ApiProblem.of(ErrorCode.PAYLOAD_TOO_LARGE, null, "the request body is too large");
            default -> ApiProblem.of(ErrorCode.forStatus(status.value()), null, status.getReasonPhrase());
        };
    }
}
