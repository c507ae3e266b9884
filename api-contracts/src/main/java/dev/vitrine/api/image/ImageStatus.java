package dev.vitrine.api.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Where a confirmed upload stands: being processed, shown to everyone who may see the gallery, refused (the file
 * is not an acceptable image), or stalled (processing kept failing; its owner may reprocess it).
 */
public enum ImageStatus {
    @JsonProperty("processing")
    PROCESSING,
    @JsonProperty("published")
    PUBLISHED,
    @JsonProperty("rejected")
    REJECTED,
    @JsonProperty("stalled")
    STALLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
