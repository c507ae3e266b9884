package dev.vitrine.api.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** The order of a gallery's image list, newest first either way; ties go to the later upload. */
public enum ImageOrder {
    /** By when each image was uploaded (its place in the gallery): the default. */
    @JsonProperty("uploaded")
    UPLOADED,
    /** By when each photo was taken, as its file says; photos whose file does not say come after the others. */
    @JsonProperty("taken")
    TAKEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The order a query parameter names; absent: {@link #UPLOADED}. Refuses any other word. */
    public static ImageOrder fromWireName(String value) {
        return value == null || value.isBlank()
                ? UPLOADED
                : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
