package dev.vitrine.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vitrine.api.error.ApiError;
import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RateLimitedException;
import dev.vitrine.api.error.RejectedException;
import io.lettuce.core.RedisConnectionException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Every failure, as the {error, path, message} answer a client should get. Unknown failures are a plain 500. */
final class ProblemTranslator {

    /**
     * How long a client is told to wait when a service Vitrine needs is away. Short: each retry costs the client a
     * bounded wait at most (the connection timeouts), and outages we can answer through are mostly restarts.
     */
    static final Duration OUTAGE_RETRY_AFTER = Duration.ofSeconds(5);

    /** SQLSTATE classes and codes that say the server, not the statement, failed: connection lost, shutting down. */
    private static final List<String> UNAVAILABLE_SQL_STATES = List.of("08", "57P01", "57P02", "57P03", "53300");

    private static final String HIKARI_CLOSED = "Connection is closed";

    private ProblemTranslator() {}

    static Optional<ApiProblem> translate(Throwable failure) {
        // asked first: an outage often arrives wrapped in what would otherwise read as a 401 or a 4xx (a failed
        // account lookup is an AuthenticationServiceException), and the client must hear "try again" instead
        if (isOutage(failure)) {
            return Optional.of(new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    new ApiError(
                            ErrorCode.SERVICE_UNAVAILABLE,
                            null,
                            "a service Vitrine depends on is unavailable for the moment; try again shortly"),
                    OUTAGE_RETRY_AFTER));
        }
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

    /**
     * Whether the failure, or anything it was caused by, says that PostgreSQL, the S3 server, Redis or RabbitMQ
     * could not be reached or did not answer in time, rather than that the request was wrong or our code failed.
     */
    static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (isOutageItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutageItself(Throwable e) {
        return switch (e) {
            // refused, unreachable, or a connect that timed out (Netty's ConnectTimeoutException is one)
            case ConnectException connect -> true;
            case NoRouteToHostException unreachable -> true;
            case SocketTimeoutException slow -> true;
            // a bounded wait ran out (Reactor's timeout(), a future's get)
            case TimeoutException late -> true;
            // JDBC: Hikari's "connection is not available", a lost connection, a server shutting down
            case SQLTransientConnectionException waited -> true;
            case SQLNonTransientConnectionException lost -> true;
            // Hikari's answer for a connection it evicted as broken while the caller still held it: Bucket4j's
            // rollback after a lost connection ends on it, and hides the I/O error that came first
            case SQLException closed
            when closed.getSQLState() == null && HIKARI_CLOSED.equals(closed.getMessage()) -> true;
            case SQLException sql -> unavailableState(sql.getSQLState());
            // Spring's translations of the same, and a transaction that could not begin for want of a connection
            case DataAccessResourceFailureException resource -> true;
            case TransientDataAccessResourceException resource -> true;
            case QueryTimeoutException late -> true;
            case CannotCreateTransactionException noConnection -> true;
            // R2DBC: the pool could not get a connection, or the connection broke
            case R2dbcNonTransientResourceException resource -> true;
            case R2dbcTransientResourceException resource -> true;
            case R2dbcTimeoutException late -> true;
            case R2dbcException r2dbc -> unavailableState(r2dbc.getSqlState());
            // AWS SDK: a client-side failure is the call not getting through (the server's refusals are service
            // exceptions); the server saying it is overloaded or unavailable is one too
            case SdkClientException unreachable -> true;
            case SdkServiceException service -> service.isThrottlingException() || service.statusCode() == 503;
            case RedisConnectionException redis -> true;
            default -> false;
        };
    }

    private static boolean unavailableState(String sqlState) {
        return sqlState != null && UNAVAILABLE_SQL_STATES.stream().anyMatch(sqlState::startsWith);
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
