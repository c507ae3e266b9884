package dev.vitrine.api.image;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One stored rendition of an image; {@code url} is where a browser fetches it, {@code bytes} its file size. */
public record ImageVariant(Size size, int width, int height, String url, Format format, long bytes) {

    public enum Size {
        @JsonProperty("thumbnail")
        THUMBNAIL,
        @JsonProperty("small")
        SMALL,
        @JsonProperty("medium")
        MEDIUM,
        @JsonProperty("large")
        LARGE
    }

    public enum Format {
        @JsonProperty("webp")
        WEBP,
        @JsonProperty("avif")
        AVIF,
        @JsonProperty("jpeg")
        JPEG
    }
}
