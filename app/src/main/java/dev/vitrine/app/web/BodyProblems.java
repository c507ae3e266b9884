package dev.vitrine.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.vitrine.api.error.ErrorCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns Jackson's complaints about a request body into answers that name the field, without Java in them. */
final class BodyProblems {

    private BodyProblems() {}

    static ApiProblem of(JsonProcessingException e) {
        if (e.getCause() instanceof StreamReadException unreadable) {
            return malformed(unreadable);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return invalid(path(unknown), "is not a field of this request");
        }
        if (e instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return invalid(path(format), "must be one of " + enumValues(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return invalid(path(mismatch), "must be " + describe(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalid(path(mapping), "has an invalid value");
        }
        return malformed(e);
    }

    static ApiProblem malformed(JsonProcessingException e) {
        var at = e == null ? null : e.getLocation();
        return ApiProblem.of(
                ErrorCode.MALFORMED_JSON,
                null,
                "the request body is not valid JSON"
                        + (at == null || at.getLineNr() < 0
                                ? ""
                                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }

    private static ApiProblem invalid(String path, String message) {
        return ApiProblem.of(ErrorCode.INVALID_FIELD, path, message);
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == String.class || type == Optional.class) {
            return "a string";
        }
        return "an object";
    }
}
