package dev.vitrine.api.image.query;

import dev.vitrine.api.image.Capture;
import dev.vitrine.api.image.ImageStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Image")
public record ImageView(
        UUID id,
        UUID galleryId,
        String filename,

        @Schema(description = "At most 200 characters", nullable = true)
        String alt,

        @Schema(description = "Known once the image is analysed", nullable = true)
        Integer width,

        @Schema(nullable = true) Integer height,
        @Schema(nullable = true) Double aspectRatio,
        @Schema(nullable = true) String blurhash,

        @Schema(
                description = "How and when the photo was taken, as its file says; its location only for the"
                        + " gallery's owner and editors, unless the owner shows it to everyone",
                nullable = true)
        Capture capture,

        @Schema(description = "Lower-cased, each once, in the order they were given")
        List<String> tags,

        List<ImageVariant> variants,
        Instant uploadedAt,

        @Schema(allowableValues = {"processing", "published", "rejected", "stalled"})
        ImageStatus status,

        @Schema(description = "Why the image is rejected or stalled; null otherwise", nullable = true)
        ImageProblem problem,

        @Schema(description = "Sequence number of the image's last event reflected here")
        long version) {}
