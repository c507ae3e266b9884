package dev.vitrine.benchmarks;

import dev.vitrine.processing.imaging.vips.Vips;
import dev.vitrine.processing.imaging.vips.VipsBlob;
import dev.vitrine.processing.imaging.vips.VipsImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How AVIF settings trade time, bytes and PSNR on one image's large variant: the numbers behind Vitrine's
 * defaults. Prints one line per setting.
 *
 * <pre>AvifSweep IMAGE "Q=80,effort=2" "Q=80,effort=4,subsample_mode=off" …</pre>
 */
public final class AvifSweep {

    public static void main(String[] args) throws Exception {
        Vips vips = Vips.load();
        byte[] original = Files.readAllBytes(Path.of(args[0]));
        Quality quality = new Quality(vips);
        try (VipsBlob blob = vips.blob(original);
                VipsImage large = vips.thumbnail(blob, 1920, "height=1080,size=down");
                VipsImage memory = large.copyMemory()) {
            vips.save("heifsave_buffer", memory, "Q=80,compression=av1,effort=0");
            for (int i = 1; i < args.length; i++) {
                long start = System.nanoTime();
                byte[] avif = vips.save("heifsave_buffer", memory, "compression=av1,strip=true," + args[i]);
                double millis = (System.nanoTime() - start) / 1e6;
                System.out.printf(
                        "%-45s %7s ms %8d bytes %6s dB%n",
                        args[i], Stats.round(millis), avif.length, Stats.round(quality.psnr(original, avif)));
            }
        }
    }
}
