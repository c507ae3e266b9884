package dev.vitrine.api.image.http;

import dev.vitrine.api.image.UploadRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;

@Schema(name = "UploadRequest")
public record UploadRequest(
        @NotNull
        @Size(min = 1, max = UploadRules.FILENAME_MAX)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F/\\\\]+", message = "must not contain control characters or slashes")
        @Schema(example = "IMG_0042.jpg")
        String filename,

        @NotNull
        @Pattern(
                regexp = UploadRules.CONTENT_TYPE_PATTERN,
                message = "must be image/jpeg, image/png, image/gif, image/webp, image/heic or image/avif")
        @Schema(example = "image/jpeg")
        String contentType,

        @NotNull
        @Positive
        @Max(value = UploadRules.MAX_BYTES, message = "must be at most 50 MB (52428800 bytes)")
        @Schema(description = "Exact size of the file in bytes", example = "829183")
        Long size,

        @NotNull UUID galleryId) {}
