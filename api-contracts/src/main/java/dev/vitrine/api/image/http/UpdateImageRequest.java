package dev.vitrine.api.image.http;

import dev.vitrine.api.PlainText;
import dev.vitrine.api.image.UploadRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openapitools.jackson.nullable.JsonNullable;

/** A JSON merge patch of an image: {@code alt: null} or {@code ""} removes the alternative text. */
@Schema(name = "UpdateImage")
public record UpdateImageRequest(
        @Schema(implementation = String.class, nullable = true, maxLength = UploadRules.ALT_MAX)
        JsonNullable<
                        @Size(max = UploadRules.ALT_MAX)
                        @Pattern(regexp = PlainText.LINES, message = PlainText.LINES_MESSAGE) String>
                alt) {

    public UpdateImageRequest {
        alt = alt == null ? JsonNullable.undefined() : alt;
    }
}
