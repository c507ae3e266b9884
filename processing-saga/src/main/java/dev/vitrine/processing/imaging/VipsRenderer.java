package dev.vitrine.processing.imaging;

import dev.vitrine.api.image.Fingerprint;
import dev.vitrine.processing.imaging.vips.Vips;
import dev.vitrine.processing.imaging.vips.VipsBlob;
import dev.vitrine.processing.imaging.vips.VipsException;
import dev.vitrine.processing.imaging.vips.VipsImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Decodes once, at the largest variant size (shrink-on-load, auto-rotated, in sRGB, every metadata field
 * removed), keeps that in memory, and makes the smaller sizes from it. The first frame of an animation is what
 * libvips loads by default.
 */
public final class VipsRenderer implements Renderer {

    /** Without this in the loader options libvips fills a truncated file with grey and carries on. */
    private static final String STRICT_LOADING = "[fail_on=truncated]";

    private final Vips vips;
    private final ImagingSettings settings;
    private final ExecutorService encoders;

    public VipsRenderer(Vips vips, ImagingSettings settings, ExecutorService encoders) {
        this.vips = vips;
        this.settings = settings;
        this.encoders = encoders;
    }

    @Override
    public RenderedImage render(byte[] original, SourceFormat format, ImageHeader header) throws ImagingFailure {
        return render(original, format, header, null);
    }

    @Override
    public RenderedImage render(byte[] original, SourceFormat format, ImageHeader header, Encoding first)
            throws ImagingFailure {
        Map<VariantSpec, VipsImage> sizes = new EnumMap<>(VariantSpec.class);
        CompletableFuture<byte[]> largeEncoded = null;
        try (VipsBlob blob = vips.blob(original)) {
            ColourHandling colour;
            int orientation;
            ImageHeader decoded;
            try (VipsImage opened = vips.open(blob, STRICT_LOADING)) {
                colour = ColourHandling.of(opened);
                orientation = opened.intField("orientation", 1);
                decoded = new ImageHeader(opened.width(), opened.height());
            }
            refuseLargerThanProbed(decoded, header);
            VipsImage large = decodeLarge(blob, colour);
            sizes.put(VariantSpec.LARGE, large);
            // the largest encoding is the longest step: it runs while the smaller sizes are made
            largeEncoded = first == null ? null : VipsRenderedImage.encoding(vips, settings, encoders, large, first);
            for (VariantSpec spec : List.of(VariantSpec.MEDIUM, VariantSpec.SMALL, VariantSpec.THUMBNAIL)) {
                sizes.put(spec, resized(sourceFor(spec, sizes), spec.width(), spec.thumbnailOptions()));
            }
            ImageAnalysis analysis = analyse(sizes.get(VariantSpec.SMALL), decoded, orientation, format);
            return new VipsRenderedImage(vips, settings, encoders, sizes, analysis, first, largeEncoded);
        } catch (RuntimeException e) {
            // an encoder still reading the large size must be done before it is freed
            VipsRenderedImage.settle(largeEncoded);
            sizes.values().forEach(VipsImage::close);
            if (e instanceof VipsException failed) {
                throw decodingFailure(failed);
            }
            throw e;
        }
    }

    /**
     * libvips has read the header (no pixel yet): if it will decode more pixels than the limit allows, Java's reading
     * of the header missed a way this format says its size, and the limit still holds.
     */
    private void refuseLargerThanProbed(ImageHeader decoded, ImageHeader probed) throws ImagingFailure {
        if (decoded.pixels() > settings.pixelLimit()) {
            throw new ImagingFailure(
                    ImagingFailure.Code.TOO_MANY_PIXELS,
                    "the image decodes to " + decoded.width() + "×" + decoded.height() + " = " + decoded.pixels()
                            + " pixels (its header said " + probed.width() + "×" + probed.height() + "); the limit is "
                            + settings.pixelLimit());
        }
    }

    private VipsImage decodeLarge(VipsBlob blob, ColourHandling colour) {
        try (VipsImage decoded = vips.thumbnail(
                        blob,
                        VariantSpec.LARGE.width(),
                        VariantSpec.LARGE.thumbnailOptions(),
                        "option_string",
                        STRICT_LOADING);
                VipsImage managed = colour.managed()
                        ? vips.apply("icc_transform", decoded, colour.transformOptions())
                        : vips.apply("copy", decoded, "");
                VipsImage srgb = toSrgb(managed)) {
            VipsImage inMemory = srgb.copyMemory();
            inMemory.fieldNames().forEach(inMemory::removeField);
            return inMemory;
        }
    }

    /** 8-bit sRGB whatever came in: greyscale, 16-bit, CMYK already converted. Alpha stays. */
    private VipsImage toSrgb(VipsImage image) {
        VipsImage srgb = image.interpretation() == VipsImage.SRGB && image.bandFormat() == 0
                ? vips.apply("copy", image, "")
                : vips.apply("colourspace", image, "space=srgb");
        if (srgb.bandFormat() == 0) {
            return srgb;
        }
        try (srgb) {
            return vips.apply("cast", srgb, "format=uchar");
        }
    }

    /**
     * The smallest size made so far that holds enough pixels for {@code spec}: each step then shrinks by a small
     * factor, which libvips does many times faster than one large step (300 px from the large size: 80 ms; from the
     * medium one: 4 ms).
     */
    private static VipsImage sourceFor(VariantSpec spec, Map<VariantSpec, VipsImage> made) {
        VipsImage source = made.get(VariantSpec.LARGE);
        for (VariantSpec larger : List.of(VariantSpec.MEDIUM, VariantSpec.SMALL)) {
            VipsImage candidate = made.get(larger);
            if (candidate != null && spec.canBeMadeFrom(candidate.width(), candidate.height())) {
                source = candidate;
            }
        }
        return source;
    }

    private VipsImage resized(VipsImage source, int width, String options) {
        try (VipsImage lazy = vips.apply("thumbnail_image", source, "width=" + width + "," + options)) {
            return lazy.copyMemory();
        }
    }

    /** The size is the one libvips decodes (not the Java probe's), so that it matches the variants' aspect ratio. */
    private ImageAnalysis analyse(VipsImage small, ImageHeader decoded, int orientation, SourceFormat format) {
        int sample = BlurHashes.SAMPLE_SIZE;
        String blurhash;
        try (VipsImage tiny = vips.apply("thumbnail_image", small, "width=" + sample + ",height=" + sample);
                VipsImage opaque = opaque(tiny)) {
            blurhash = BlurHashes.encode(opaque.pixels(), opaque.width(), opaque.height());
        }
        boolean turned = orientation >= 5 && orientation <= 8;
        return new ImageAnalysis(
                turned ? decoded.height() : decoded.width(),
                turned ? decoded.width() : decoded.height(),
                blurhash,
                fingerprint(small),
                format);
    }

    /**
     * From the same upright sRGB pixels as the variants, so that a copy re-encoded elsewhere hashes alike. The
     * aspect ratio is dropped on purpose (size=force): a copy cropped by a few pixels must land on the same grid.
     */
    private Fingerprint fingerprint(VipsImage small) {
        int sample = Fingerprints.SIZE;
        try (VipsImage tiny =
                        vips.apply("thumbnail_image", small, "width=" + sample + ",height=" + sample + ",size=force");
                VipsImage opaque = opaque(tiny);
                VipsImage grey = vips.apply("colourspace", opaque, "space=b-w")) {
            return Fingerprints.pHash(grey.pixels());
        }
    }

    /** On the BlurHash background: a transparent PNG then hashes like its copies flattened on a light background. */
    private VipsImage opaque(VipsImage image) {
        return image.hasAlpha()
                ? vips.apply("flatten", image, "background=" + BlurHashes.BACKGROUND)
                : vips.apply("copy", image, "");
    }

    private static ImagingFailure decodingFailure(VipsException e) {
        String message = e.getMessage();
        boolean truncated = message.contains("Premature end")
                || message.contains("truncated")
                || message.contains("unexpected end");
        return new ImagingFailure(
                truncated ? ImagingFailure.Code.TRUNCATED_IMAGE : ImagingFailure.Code.CORRUPT_IMAGE,
                "the image cannot be decoded: " + message);
    }
}
