package dev.vitrine.processing.imaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pixelLimit   images with more pixels (by their header) are refused before decoding
 * @param webpQuality  WebP quality, 1–100
 * @param webpEffort   WebP effort, 0 (fast) to 6 (small)
 * @param avifQuality  AVIF quality, 1–100
 * @param avifEffort   AVIF effort, 0 (fast) to 9 (small)
 * @param avifSubsample chroma subsampling of AVIF: "off" keeps full colour resolution (4:4:4, as sharp does),
 *                     "on" halves it (4:2:0: smaller, softer colour edges), "auto" lets libvips choose by quality
 * @param encoderThreads how many variants of one image are encoded at once
 * @param library      the libvips shared library to load (a name the dynamic linker finds, or a path)
 */
@ConfigurationProperties("vitrine.imaging")
public record ImagingSettings(
        @DefaultValue("100000000") long pixelLimit,
        @DefaultValue("80") int webpQuality,
        @DefaultValue("4") int webpEffort,
        @DefaultValue("80") int avifQuality,
        @DefaultValue("3") int avifEffort,
        @DefaultValue("off") String avifSubsample,
        @DefaultValue("2") int encoderThreads,
        @DefaultValue("libvips.so.42") String library) {

    public static ImagingSettings defaults() {
        return new ImagingSettings(100_000_000L, 80, 4, 80, 3, "off", 2, "libvips.so.42");
    }
}
