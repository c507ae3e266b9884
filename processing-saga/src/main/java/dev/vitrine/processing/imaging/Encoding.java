package dev.vitrine.processing.imaging;

import dev.vitrine.api.image.VariantFormat;
import java.util.Locale;

/** The formats variants are encoded to, with the libvips saver that writes each. */
public enum Encoding {
    WEBP(VariantFormat.WEBP, "webpsave_buffer"),
    AVIF(VariantFormat.AVIF, "heifsave_buffer");

    private final VariantFormat format;
    private final String saver;

    Encoding(VariantFormat format, String saver) {
        this.format = format;
        this.saver = saver;
    }

    public VariantFormat format() {
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
