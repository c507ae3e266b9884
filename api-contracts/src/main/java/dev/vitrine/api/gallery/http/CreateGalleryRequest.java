package dev.vitrine.api.gallery.http;

import dev.vitrine.api.PlainText;
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
        @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
        @Schema(example = "Summer in Lisbon")
        String name,

        @Size(max = 500) @Pattern(regexp = PlainText.LINES, message = PlainText.LINES_MESSAGE) @Schema(nullable = true)
        String description,

        @Schema(description = "Defaults to private", defaultValue = "private")
        Visibility visibility) {

    public Visibility visibilityOrDefault() {
        return visibility == null ? Visibility.PRIVATE : visibility;
    }
}
