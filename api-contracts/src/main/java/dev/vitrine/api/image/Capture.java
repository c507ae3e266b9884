package dev.vitrine.api.image;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How and when a photo was taken, as its own file says (EXIF, read from the original before the variants are made
 * without it). Whatever the file does not say is null: nothing is guessed, not even the date from the file's times.
 * Where the photo was taken ({@link #location}) is shown only to those {@code GalleryRole.seesLocation} allows.
 */
@Schema(description = "How and when the photo was taken, as its file says; null fields are what it does not say")
public record Capture(
        @Schema(
                description = "The camera's clock when the photo was taken (DateTimeOriginal), without an offset",
                implementation = String.class,
                pattern = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$",
                nullable = true,
                example = "2016-07-10T17:37:46")
        LocalDateTime takenAt,

        @Schema(
                description = "The offset of that clock from UTC (OffsetTimeOriginal), when the file says it",
                type = "string",
                nullable = true,
                example = "+02:00")
        ZoneOffset takenAtOffset,

        @Schema(nullable = true, example = "Canon") String cameraMake,

        @Schema(nullable = true, example = "Canon EOS 5D Mark III")
        String cameraModel,

        @Schema(nullable = true, example = "EF24-70mm f/2.8L II USM")
        String lens,

        @Schema(description = "Millimetres", nullable = true, example = "35.0")
        Double focalLength,

        @Schema(description = "The f-number", nullable = true, example = "2.8")
        Double aperture,

        @Schema(description = "Seconds", nullable = true, example = "0.004")
        Double exposureTime,

        @Schema(nullable = true, example = "400") Integer iso,

        @Schema(
                description = "EXIF orientation of the original (1–8); the variants are already upright",
                nullable = true)
        Integer orientation,

        @Schema(description = "Only for those who may see where photos were taken", nullable = true)
        Location location) {

    /** Where, in WGS 84 degrees (and metres above sea level). */
    public record Location(
            double latitude,
            double longitude,
            @Schema(nullable = true) Double altitude) {}

    /**
     * When the photo was taken, as one instant to order photos by: the camera's clock at its offset, or read as UTC
     * when the file gives no offset (photos of one camera then still keep their order). Null without a date.
     */
    public Instant takenInstant() {
        return takenAt == null ? null : takenAt.toInstant(takenAtOffset == null ? ZoneOffset.UTC : takenAtOffset);
    }

    public Capture withoutLocation() {
        return location == null
                ? this
                : new Capture(
                        takenAt,
                        takenAtOffset,
                        cameraMake,
                        cameraModel,
                        lens,
                        focalLength,
                        aperture,
                        exposureTime,
                        iso,
                        orientation,
                        null);
    }

    /**
     * The camera as people name it ("Canon EOS R5"): make and model, the make once when the model already starts
     * with it; null when the file names neither.
     */
    public String camera() {
        if (cameraModel == null) {
            return cameraMake;
        }
        if (cameraMake == null || cameraModel.regionMatches(true, 0, cameraMake, 0, cameraMake.length())) {
            return cameraModel;
        }
        return cameraMake + " " + cameraModel;
    }

    /** Whether the file said anything at all. */
    public boolean saysNothing() {
        return equals(new Capture(null, null, null, null, null, null, null, null, null, null, null));
    }
}
