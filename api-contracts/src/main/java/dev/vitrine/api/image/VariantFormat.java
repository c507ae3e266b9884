package dev.vitrine.api.image;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The file formats of variants: WebP for everyone, AVIF where browsers take it. */
public enum VariantFormat {
    @JsonProperty("webp")
    WEBP,
    @JsonProperty("avif")
    AVIF,
    @JsonProperty("jpeg")
    JPEG
}
