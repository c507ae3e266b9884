package dev.vitrine.api.gallery.query;

import dev.vitrine.api.gallery.GalleryRole;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A gallery someone else shared with the account, and the role they were given. */
@Schema(name = "Membership")
public record Membership(
        UUID galleryId,
        String galleryName,
        UUID ownerId,

        @Schema(allowableValues = {"viewer", "contributor", "editor"})
        GalleryRole role) {}
