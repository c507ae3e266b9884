package dev.vitrine.api.gallery.http;

import dev.vitrine.api.PlainText;
import dev.vitrine.api.gallery.GalleryRules;
import dev.vitrine.api.gallery.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * A JSON merge patch of a gallery: an absent field stays as it is; {@code description: null} removes the
 * description and {@code coverImageId: null} removes the cover.
 */
@Schema(name = "UpdateGallery")
public record UpdateGalleryRequest(
        @Size(min = 1, max = 100)
        @Pattern(regexp = GalleryRules.NOT_BLANK, message = "must not be blank")
        @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
        String name,

        @Schema(implementation = String.class, nullable = true, maxLength = GalleryRules.DESCRIPTION_MAX)
        JsonNullable<@Size(max = 500) @Pattern(regexp = PlainText.LINES, message = PlainText.LINES_MESSAGE) String>
                description,

        Visibility visibility,

        @Schema(implementation = UUID.class, nullable = true)
        JsonNullable<UUID> coverImageId,

        @Schema(
                description = "true: everyone who sees the gallery also sees where its photos were taken (GPS); "
                        + "false (the default): only its owner and editors do. Only the owner changes it.")
        Boolean showLocations) {

    public UpdateGalleryRequest {
        description = description == null ? JsonNullable.undefined() : description;
        coverImageId = coverImageId == null ? JsonNullable.undefined() : coverImageId;
    }
}
