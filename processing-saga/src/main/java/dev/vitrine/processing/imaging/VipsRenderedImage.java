package dev.vitrine.processing.imaging;

import dev.vitrine.processing.imaging.vips.Vips;
import dev.vitrine.processing.imaging.vips.VipsImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** The variant sizes of one image in memory; encoding runs on the shared encoder threads, largest first. */
final class VipsRenderedImage implements RenderedImage {

    private final Vips vips;
    private final ImagingSettings settings;
    private final ExecutorService encoders;
    private final Map<VariantSpec, VipsImage> sizes;
    private final ImageAnalysis analysis;

    VipsRenderedImage(
            Vips vips,
            ImagingSettings settings,
            ExecutorService encoders,
            Map<VariantSpec, VipsImage> sizes,
            ImageAnalysis analysis) {
        this.vips = vips;
        this.settings = settings;
        this.encoders = encoders;
        this.sizes = sizes;
        this.analysis = analysis;
    }

    @Override
    public ImageAnalysis analysis() {
        return analysis;
    }

    /**
     * Sizes that came out alike (an image smaller than the medium or large box is not enlarged, so those variants
     * are the same pixels) are encoded once and share the bytes.
     */
    @Override
    public List<EncodedVariant> encode(Encoding encoding) {
        String options = encoding.options(settings);
        Map<String, CompletableFuture<byte[]>> encodings = new HashMap<>();
        List<CompletableFuture<EncodedVariant>> encoded = sizes.entrySet().stream()
                .map(entry -> {
                    VipsImage image = entry.getValue();
                    String alike = entry.getKey() == VariantSpec.THUMBNAIL
                            ? "thumbnail"
                            : image.width() + "x" + image.height();
                    return encodings
                            .computeIfAbsent(
                                    alike,
                                    key -> CompletableFuture.supplyAsync(
                                            () -> {
                                                byte[] saved = vips.save(encoding.saver(), image, options);
                                                return encoding == Encoding.WEBP ? WebpMetadata.strip(saved) : saved;
                                            },
                                            encoders))
                            .thenApply(bytes ->
                                    new EncodedVariant(entry.getKey(), encoding, image.width(), image.height(), bytes));
                })
                .toList();
        // every encoding has ended, failed or not, before the first failure is thrown: the caller then closes the
        // images, and an encoder still reading one would read freed memory
        CompletableFuture.allOf(encoded.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        return encoded.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
        sizes.values().forEach(VipsImage::close);
    }
}
