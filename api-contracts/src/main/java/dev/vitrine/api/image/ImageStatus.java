package dev.vitrine.api.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Set;

/**
 * Where an image stands, from the requested upload on: requested (not yet confirmed), expired (never confirmed),
 * then, once it is an image, processing, published (shown to everyone who may see the gallery), rejected (the file
 * is not an acceptable image) or stalled (processing kept failing; its owner may reprocess it). Deleted is not a
 * status: an image of any status may be deleted.
 */
public enum ImageStatus {
    @JsonProperty("requested")
    REQUESTED,
    @JsonProperty("expired")
    EXPIRED,
    @JsonProperty("processing")
    PROCESSING,
    @JsonProperty("published")
    PUBLISHED,
    @JsonProperty("rejected")
    REJECTED,
    @JsonProperty("stalled")
    STALLED;

    /** The statuses of an image: a confirmed upload. Only these are ever listed or shown. */
    public static final Set<ImageStatus> OF_AN_IMAGE = Set.of(PROCESSING, PUBLISHED, REJECTED, STALLED);

    public boolean isOfAnImage() {
        return OF_AN_IMAGE.contains(this);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImageStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
