package dev.vitrine.processing.imaging;

import dev.vitrine.api.image.ImageVariant;
import java.util.Locale;

/** The formats variants are encoded to, with the libvips saver that writes each. */
public enum Encoding {
    WEBP(ImageVariant.Format.WEBP, "webpsave_buffer"),
    AVIF(ImageVariant.Format.AVIF, "heifsave_buffer");

    private final ImageVariant.Format format;
    private final String saver;

    Encoding(ImageVariant.Format format, String saver) {
        this.format = format;
        this.saver = saver;
    }

    public ImageVariant.Format format() {
        return format;
    }

    String saver() {
        return saver;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    String options(ImagingSettings settings) {
        return switch (this) {
            case WEBP -> "Q=" + settings.webpQuality() + ",effort=" + settings.webpEffort() + ",strip=true";
            case AVIF ->
                "Q=" + settings.avifQuality() + ",compression=av1,effort=" + settings.avifEffort() + ",subsample_mode="
                        + settings.avifSubsample() + ",strip=true";
        };
    }
}
