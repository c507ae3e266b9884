package dev.vitrine.benchmarks;

import dev.vitrine.processing.imaging.ImagingSettings;
import dev.vitrine.processing.imaging.vips.Vips;
import dev.vitrine.processing.imaging.vips.VipsBlob;
import dev.vitrine.processing.imaging.vips.VipsImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A 50-megapixel JPEG through the whole pipeline in a JVM limited to 512 MB of heap: prints the time and the
 * process's peak resident memory. The photo is generated once (the benchmark JPEG enlarged) in its own run.
 *
 * <pre>LargePhotoMemory FIXTURES_DIR WORK_DIR</pre>
 */
public final class LargePhotoMemory {

    public static void main(String[] args) throws Exception {
        Path photo = Path.of(args[1]).resolve("50-megapixels.jpg");
        if (!Files.exists(photo)) {
            generate(Path.of(args[0]).resolve(CompareWithSharp.BENCHMARK_JPEG), photo);
            System.out.println("generated " + photo + "; run again to measure in a fresh JVM");
            return;
        }
        byte[] original = Files.readAllBytes(photo);
        try (Pipeline pipeline = new Pipeline(ImagingSettings.defaults())) {
            Pipeline.Result result = pipeline.run(original);
            System.out.printf(
                    "50-megapixel JPEG (%d bytes): published set %s ms, all 8 variants %s ms, %d bytes out%n",
                    original.length,
                    Stats.round(result.publishedMillis()),
                    Stats.round(result.totalMillis()),
                    result.totalBytes());
        }
        System.out.printf(
                "max heap %d MB; peak RSS (VmHWM) %s%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(line -> line.startsWith("VmHWM"))
                        .findFirst()
                        .orElse("?")
                        .replaceAll("\\s+", " "));
    }

    private static void generate(Path source, Path target) throws Exception {
        Vips vips = Vips.load();
        try (VipsBlob blob = vips.blob(Files.readAllBytes(source));
                VipsImage image = vips.open(blob, "");
                VipsImage big = vips.apply("resize", image, "scale=2.8717,kernel=lanczos3")) {
            Files.createDirectories(target.getParent());
            Files.write(target, vips.save("jpegsave_buffer", big, "Q=90"));
            System.out.printf(
                    "%dx%d = %.1f megapixels%n", big.width(), big.height(), (double) big.width() * big.height() / 1e6);
        }
    }
}
