package dev.vitrine.api.image.http;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Schema(
        name = "PresignedUploadResponse",
        description = "PUT the file's exact bytes to presignedUrl with these headers before expiresAt, then confirm")
public record PresignedUpload(
        UUID uploadId, String presignedUrl, String method, Map<String, String> headers, Instant expiresAt) {}
