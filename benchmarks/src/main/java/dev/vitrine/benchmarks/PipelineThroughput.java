package dev.vitrine.benchmarks;

import dev.vitrine.processing.imaging.ImagingFailure;
import dev.vitrine.processing.imaging.ImagingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Images per second over the whole fixture set, several in flight as a worker node takes them (its two job
 * threads share the two encoder threads), next to sharp driven with the same concurrency: the published set
 * (BlurHash + WebP) and the full set. Two timed passes after a warm-up one, as the peer does.
 *
 * <pre>PipelineThroughput PEER_DIR FIXTURES_DIR WORK_DIR [IN_FLIGHT]</pre>
 */
public final class PipelineThroughput {

    private PipelineThroughput() {}

    public static void main(String[] args) throws Exception {
        Path peer = Path.of(args[0]);
        Path fixtures = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int inflight = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int cores = Runtime.getRuntime().availableProcessors();
        Sharp sharp = Sharp.install(peer, work);
        List<byte[]> images = new ArrayList<>();
        try (var listing = Files.list(fixtures)) {
            for (Path file :
                    listing.filter(f -> !f.toString().endsWith(".md")).sorted().toList()) {
                images.add(Files.readAllBytes(file));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d fixture images, %d in flight, %d cores; images/s (per core)%n",
                images.size(),
                inflight,
                cores);
        System.out.printf(Locale.ROOT, "  %-28s %16s %16s %8s%n", "", "Vitrine", "sharp", "ratio");
        try (Pipeline vitrine = new Pipeline(ImagingSettings.defaults())) {
            for (boolean full : List.of(false, true)) {
                double ours = imagesPerSecond(vitrine, images, inflight, full);
                double theirs = sharp.throughput(fixtures, inflight, full)
                        .result()
                        .get("images_per_s")
                        .asDouble();
                System.out.printf(
                        Locale.ROOT,
                        "  %-28s %7.2f (%5.2f) %7.2f (%5.2f) %8.2f%n",
                        full ? "full set" : "published set (WebP)",
                        ours,
                        ours / cores,
                        theirs,
                        theirs / cores,
                        ours / theirs);
            }
        }
    }

    /** As the peer counts: every image of the set per pass, refused ones included; the median of two passes. */
    private static double imagesPerSecond(Pipeline vitrine, List<byte[]> images, int inflight, boolean full)
            throws Exception {
        pass(vitrine, images, inflight, full); // warm-up
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            pass(vitrine, images, inflight, full);
            rates.add(images.size() / ((System.nanoTime() - start) / 1e9));
        }
        return Stats.median(rates);
    }

    private static void pass(Pipeline vitrine, List<byte[]> images, int inflight, boolean full) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(inflight);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < inflight; w++) {
                running.add(workers.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < images.size(); ) {
                        try {
                            if (full) {
                                vitrine.run(images.get(i));
                            } else {
                                vitrine.publishHalf(images.get(i));
                            }
                        } catch (ImagingFailure refused) {
                            // refused input counts as done, as the peer counts its rejections
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdown();
        }
    }
}
