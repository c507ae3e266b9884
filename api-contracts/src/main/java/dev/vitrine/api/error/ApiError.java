package dev.vitrine.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * The one shape of every 4xx and 5xx answer. {@code path} names the offending field ("name", "size",
 * "pagination.cursor") or is null when the whole request is at fault; {@code details} lists every field
 * problem when there was more than one.
 */
@Schema(name = "Error")
public record ApiError(
        @Schema(description = "Stable machine-readable code (the table: ErrorCode)", example = "invalid_field")
        ErrorCode error,

        @Schema(description = "The offending field, when there is one", example = "name", nullable = true)
        String path,

        @Schema(description = "What went wrong, for people", example = "must not be blank")
        String message,

        @Schema(description = "Every field problem, when there were several")
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<FieldProblem> details,

        @Schema(description = "For a conflict with something that exists, its id (e.g. the image with the same bytes)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        UUID existingId) {

    public ApiError(ErrorCode error, String path, String message) {
        this(error, path, message, List.of(), null);
    }

    public record FieldProblem(String path, String message) {}
}
