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
    /** The large size's encoding, started while the image was rendered (or nothing). */
    private final Encoding started;

    private final CompletableFuture<byte[]> largeEncoded;

    VipsRenderedImage(
            Vips vips,
            ImagingSettings settings,
            ExecutorService encoders,
            Map<VariantSpec, VipsImage> sizes,
            ImageAnalysis analysis,
            Encoding started,
            CompletableFuture<byte[]> largeEncoded) {
        this.vips = vips;
        this.settings = settings;
        this.encoders = encoders;
        this.sizes = sizes;
        this.analysis = analysis;
        this.started = started;
        this.largeEncoded = largeEncoded;
    }

    /** One size encoded on the encoder threads. */
    static CompletableFuture<byte[]> encoding(
            Vips vips, ImagingSettings settings, ExecutorService encoders, VipsImage image, Encoding encoding) {
        String options = encoding.options(settings);
        return CompletableFuture.supplyAsync(
                () -> {
                    byte[] saved = vips.save(encoding.saver(), image, options);
                    return encoding == Encoding.WEBP ? WebpMetadata.strip(saved) : saved;
                },
                encoders);
    }

    /** Waits for an encoding to end, however it ends. */
    static void settle(CompletableFuture<byte[]> encoding) {
        if (encoding != null) {
            encoding.exceptionally(failure -> null).join();
        }
    }

    private static String alike(VariantSpec spec, VipsImage image) {
        return spec == VariantSpec.THUMBNAIL ? "thumbnail" : image.width() + "x" + image.height();
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
        Map<String, CompletableFuture<byte[]>> encodings = new HashMap<>();
        if (encoding == started && largeEncoded != null) {
            encodings.put(alike(VariantSpec.LARGE, sizes.get(VariantSpec.LARGE)), largeEncoded);
        }
        List<CompletableFuture<EncodedVariant>> encoded = sizes.entrySet().stream()
                .map(entry -> {
                    VipsImage image = entry.getValue();
                    return encodings
                            .computeIfAbsent(
                                    alike(entry.getKey(), image),
                                    key -> encoding(vips, settings, encoders, image, encoding))
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
        settle(largeEncoded); // started and never asked for: it still reads the large size
        sizes.values().forEach(VipsImage::close);
    }
}
