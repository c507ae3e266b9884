package dev.vitrine.api.image.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

@Schema(
        name = "NearDuplicateGroups",
        description = "The gallery's images that look alike, in groups (each group newest first); keep one of each "
                + "and delete the others")
public record NearDuplicateGroups(
        UUID galleryId,

        @Schema(description = "how many of the 64 bits of two fingerprints may differ for their photos to be grouped")
        int maxDistance,

        List<Group> groups) {

    @Schema(name = "NearDuplicateGroup")
    public record Group(List<ImageView> images) {}
}
