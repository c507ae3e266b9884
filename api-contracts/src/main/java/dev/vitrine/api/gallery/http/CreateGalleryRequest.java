package dev.vitrine.api.gallery.http;

import dev.vitrine.api.gallery.GalleryRules;
import dev.vitrine.api.gallery.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "CreateGallery")
public record CreateGalleryRequest(
        @NotNull
        @Size(min = 1, max = 100)
        @Pattern(regexp = GalleryRules.NOT_BLANK, message = "must not be blank")
        @Schema(example = "Summer in Lisbon")
        String name,

        @Size(max = 500) @Schema(nullable = true) String description,

        @Schema(description = "Defaults to private", defaultValue = "private")
        Visibility visibility) {

    public Visibility visibilityOrDefault() {
        return visibility == null ? Visibility.PRIVATE : visibility;
    }
}
