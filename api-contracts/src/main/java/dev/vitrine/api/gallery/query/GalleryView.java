package dev.vitrine.api.gallery.query;

import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.gallery.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "Gallery")
public record GalleryView(
        UUID id,
        @Schema(description = "1 to 100 characters") String name,

        @Schema(description = "At most 500 characters", nullable = true)
        String description,

        @Schema(nullable = true) UUID coverImageId,

        @Schema(description = "Published images", minimum = "0")
        int imageCount,

        Visibility visibility,
        UUID ownerId,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "Sequence number of the gallery's last event reflected here")
        long version,

        @Schema(
                description =
                        "Whether everyone who sees it sees where its photos were taken, not only its owner and editors")
        boolean showLocations,

        @Schema(
                description = "What you may do in it: owner (also for administrators), editor, contributor, viewer;"
                        + " null when it is merely visible to you",
                nullable = true)
        GalleryRole yourRole) {}
