package dev.vitrine.api.gallery.http;

import dev.vitrine.api.gallery.GalleryRole;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "GrantRoleRequest")
public record GrantRoleRequest(
        @Schema(
                description = "viewer, contributor or editor",
                allowableValues = {"viewer", "contributor", "editor"})
        @NotNull
        GalleryRole role) {}
