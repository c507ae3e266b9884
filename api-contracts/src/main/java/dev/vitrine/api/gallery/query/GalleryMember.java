package dev.vitrine.api.gallery.query;

import dev.vitrine.api.gallery.GalleryRole;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

@Schema(name = "GalleryMember")
public record GalleryMember(
        UUID userId,
        String username,

        @Schema(allowableValues = {"viewer", "contributor", "editor"})
        GalleryRole role) {}
