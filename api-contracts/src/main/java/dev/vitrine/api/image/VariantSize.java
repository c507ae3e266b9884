package dev.vitrine.api.image;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The sizes every image is rendered at, smallest first (their dimensions are the worker's {@code VariantSpec}). */
public enum VariantSize {
    @JsonProperty("thumbnail")
    THUMBNAIL,
    @JsonProperty("small")
    SMALL,
    @JsonProperty("medium")
    MEDIUM,
    @JsonProperty("large")
    LARGE
}
