package dev.vitrine.benchmarks;

import dev.vitrine.processing.imaging.EncodedVariant;
import dev.vitrine.processing.imaging.Encoding;
import dev.vitrine.processing.imaging.ImagePipeline;
import dev.vitrine.processing.imaging.ImagingFailure;
import dev.vitrine.processing.imaging.ImagingSettings;
import dev.vitrine.processing.imaging.RenderedImage;
import dev.vitrine.processing.imaging.SourceFormat;
import dev.vitrine.processing.imaging.VipsRenderer;
import dev.vitrine.processing.imaging.vips.Vips;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Vitrine's production pipeline (the worker's, without storage): render, WebP set, AVIF set. */
final class Pipeline implements AutoCloseable {

    record Result(List<EncodedVariant> variants, String blurhash, double publishedMillis, double totalMillis) {
        long totalBytes() {
            return variants.stream().mapToLong(v -> v.bytes().length).sum();
        }
    }

    final Vips vips;
    private final ExecutorService encoders;
    private final ImagePipeline pipeline;

    Pipeline(ImagingSettings settings) throws Exception {
        vips = Vips.load();
        encoders = Executors.newFixedThreadPool(settings.encoderThreads());
        pipeline = new ImagePipeline(new VipsRenderer(vips, settings, encoders), settings);
    }

    Result run(byte[] original) throws ImagingFailure {
        long start = System.nanoTime();
        String type =
                SourceFormat.sniff(original).map(SourceFormat::contentType).orElse("image/jpeg");
        try (RenderedImage image = pipeline.render(original, type, Encoding.WEBP)) {
            List<EncodedVariant> all = new ArrayList<>(image.encode(Encoding.WEBP));
            double published = (System.nanoTime() - start) / 1e6;
            all.addAll(image.encode(Encoding.AVIF));
            return new Result(all, image.analysis().blurhash(), published, (System.nanoTime() - start) / 1e6);
        }
    }

    /** The worker's publishing half: render, then the WebP set. */
    void publishHalf(byte[] original) throws ImagingFailure {
        half(original, Encoding.WEBP);
    }

    /** The worker's completing half: render again, then the AVIF set. */
    void completeHalf(byte[] original) throws ImagingFailure {
        half(original, Encoding.AVIF);
    }

    private void half(byte[] original, Encoding encoding) throws ImagingFailure {
        String type =
                SourceFormat.sniff(original).map(SourceFormat::contentType).orElse("image/jpeg");
        try (RenderedImage image = pipeline.render(original, type, encoding)) {
            image.analysis();
            image.encode(encoding);
        }
    }

    @Override
    public void close() {
        encoders.shutdownNow();
    }
}
