package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrine.processing.imaging.EncodedVariant;
import dev.vitrine.processing.imaging.ImagingFailure;
import dev.vitrine.processing.imaging.ImagingSettings;
import dev.vitrine.processing.imaging.VariantSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Vitrine's pipeline and sharp's, alternately, in one run, on the same images: wall and CPU time of the full
 * variant set, time to the published set (BlurHash + WebP), total bytes and the PSNR of the large variants.
 *
 * <pre>java -cp … dev.vitrine.benchmarks.CompareWithSharp PEER_DIR FIXTURES_DIR WORK_DIR [ROUNDS]</pre>
 */
public final class CompareWithSharp {

    static final String BENCHMARK_JPEG = "2569067123_aca715a2ee_o.jpg";
    static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path peer = Path.of(args[0]);
        Path fixtures = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Sharp sharp = Sharp.install(peer, work);
        ImagingSettings settings = ImagingSettings.defaults();
        try (Pipeline vitrine = new Pipeline(settings)) {
            System.out.printf(
                    "machine: %d cores; Vitrine with libvips %s (AVIF effort %d, subsampling %s, WebP effort %d, %d encoder threads); sharp %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    vitrine.vips.version(),
                    settings.avifEffort(),
                    settings.avifSubsample(),
                    settings.webpEffort(),
                    settings.encoderThreads(),
                    sharp.version());
            latency(vitrine, sharp, fixtures.resolve(BENCHMARK_JPEG), rounds);
            wholeSet(vitrine, sharp, fixtures, work);
        }
    }

    private static void latency(Pipeline vitrine, Sharp sharp, Path file, int rounds) throws Exception {
        byte[] original = Files.readAllBytes(file);
        for (int i = 0; i < 2; i++) {
            vitrine.run(original);
        }
        List<Double> vWall = new ArrayList<>(), vCpu = new ArrayList<>(), vPublished = new ArrayList<>();
        List<Double> sWall = new ArrayList<>(), sCpu = new ArrayList<>(), sWebp = new ArrayList<>();
        long vBytes = 0, sBytes = 0;
        for (int round = 0; round < rounds; round++) {
            for (int run = 0; run < RUNS; run++) {
                double cpu0 = Stats.processCpuMillis();
                Pipeline.Result result = vitrine.run(original);
                vCpu.add(Stats.processCpuMillis() - cpu0);
                vWall.add(result.totalMillis());
                vPublished.add(result.publishedMillis());
                vBytes = result.totalBytes();
            }
            JsonNode full = sharp.latency(file, RUNS, true).result();
            sWall.add(full.get("median_wall_ms").asDouble());
            sCpu.add(full.get("median_cpu_ms").asDouble());
            sBytes = full.get("total_bytes").asLong();
            sWebp.add(sharp.latency(file, RUNS, false)
                    .result()
                    .get("median_wall_ms")
                    .asDouble());
        }
        double wall = Stats.median(vWall), cpu = Stats.median(vCpu), published = Stats.median(vPublished);
        double sharpWall = Stats.median(sWall), sharpCpu = Stats.median(sCpu), sharpWebp = Stats.median(sWebp);
        System.out.printf(
                "%nbenchmark JPEG %s, %d rounds x %d runs each, alternating%n", file.getFileName(), rounds, RUNS);
        System.out.printf("  %-38s %10s %10s %8s%n", "", "Vitrine", "sharp", "ratio");
        row("full set wall, median (ms)", wall, sharpWall);
        row("full set CPU, median (ms)", cpu, sharpCpu);
        row("published set (BlurHash+WebP) wall (ms)", published, sharpWebp);
        row("total bytes, 8 variants", vBytes, sBytes);
    }

    private static void wholeSet(Pipeline vitrine, Sharp sharp, Path fixtures, Path work) throws Exception {
        Path sharpOut = work.resolve("sharp-set");
        Path vitrineOut = work.resolve("vitrine-set");
        Files.createDirectories(sharpOut);
        Files.createDirectories(vitrineOut);
        Sharp.Run sharpSet = sharp.set(fixtures, sharpOut);
        Map<String, JsonNode> sharpResults = new LinkedHashMap<>();
        sharpSet.result()
                .get("results")
                .forEach(r -> sharpResults.put(r.get("file").asText(), r));
        Map<String, JsonNode> sharpWebp = new LinkedHashMap<>();
        sharp.webpSet(fixtures)
                .result()
                .get("results")
                .forEach(r -> sharpWebp.put(r.get("file").asText(), r));
        double vPublished = 0, sPublished = 0;

        Quality quality = new Quality(vitrine.vips);
        double vWall = 0, vCpu0 = Stats.processCpuMillis(), sWall = 0;
        long vBytes = 0, sBytes = 0;
        Map<String, long[]> bytesByFormat = new LinkedHashMap<>(Map.of("webp", new long[2], "avif", new long[2]));
        List<Double> webpDelta = new ArrayList<>(), avifDelta = new ArrayList<>();
        int accepted = 0, refused = 0;
        List<Path> files;
        try (var listing = Files.list(fixtures)) {
            files = listing.filter(f -> !f.toString().endsWith(".md")).sorted().toList();
        }
        double vitrineCpu = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            JsonNode theirs = sharpResults.get(name);
            byte[] original = Files.readAllBytes(file);
            double cpuBefore = Stats.processCpuMillis();
            Pipeline.Result ours;
            try {
                ours = vitrine.run(original);
            } catch (ImagingFailure refusedImage) {
                vitrineCpu += Stats.processCpuMillis() - cpuBefore;
                refused++;
                continue;
            }
            vitrineCpu += Stats.processCpuMillis() - cpuBefore;
            if (theirs == null || !theirs.get("ok").asBoolean()) {
                continue; // compared only where both produced variants
            }
            accepted++;
            vWall += ours.totalMillis();
            vPublished += ours.publishedMillis();
            sPublished += sharpWebp.get(name).get("wall_ms").asDouble();
            vBytes += ours.totalBytes();
            sWall += theirs.get("wall_ms").asDouble();
            for (JsonNode v : theirs.get("variants")) {
                sBytes += v.get("bytes").asLong();
                bytesByFormat.get(v.get("format").asText())[1] += v.get("bytes").asLong();
            }
            for (EncodedVariant v : ours.variants()) {
                bytesByFormat.get(v.encoding().extension())[0] += v.bytes().length;
                Files.write(
                        vitrineOut.resolve(name + "." + v.spec().size().name().toLowerCase() + "."
                                + v.encoding().extension()),
                        v.bytes());
            }
            for (EncodedVariant large : ours.variants().stream()
                    .filter(v -> v.spec() == VariantSpec.LARGE)
                    .toList()) {
                String format = large.encoding().extension();
                byte[] sharpLarge = Files.readAllBytes(sharpOut.resolve(name + ".large." + format));
                double delta = quality.psnr(original, large.bytes()) - quality.psnr(original, sharpLarge);
                (format.equals("webp") ? webpDelta : avifDelta).add(delta);
                if (delta < -0.3) {
                    System.out.printf(
                            "  below sharp by more than 0.3 dB: %s large %s (%s dB)%n",
                            name, format, Stats.round(delta));
                }
                if (name.equals(BENCHMARK_JPEG)) {
                    System.out.printf(
                            "%nPSNR of the large %s of the benchmark JPEG vs a Lanczos reference: Vitrine %s dB, sharp %s dB%n",
                            format,
                            Stats.round(quality.psnr(original, large.bytes())),
                            Stats.round(quality.psnr(original, sharpLarge)));
                }
            }
        }
        System.out.printf(
                "%nwhole fixture set: %d images both accepted, %d refused by Vitrine; sequential%n", accepted, refused);
        System.out.printf("  %-38s %10s %10s %8s%n", "", "Vitrine", "sharp", "ratio");
        row("wall, sum over accepted images (ms)", vWall, sWall);
        row("published set (BlurHash+WebP), sum (ms)", vPublished, sPublished);
        row("CPU, whole set incl. refusals (ms)", vitrineCpu, sharpSet.cpuMillis());
        row("total bytes, all variants", vBytes, sBytes);
        bytesByFormat.forEach((format, bytes) -> row("  of which " + format, bytes[0], bytes[1]));
        System.out.printf(
                "  PSNR difference Vitrine - sharp, large WebP: median %s dB, worst %s dB%n",
                Stats.round(Stats.median(webpDelta)),
                Stats.round(webpDelta.stream().mapToDouble(d -> d).min().orElse(0)));
        System.out.printf(
                "  PSNR difference Vitrine - sharp, large AVIF: median %s dB, worst %s dB%n",
                Stats.round(Stats.median(avifDelta)),
                Stats.round(avifDelta.stream().mapToDouble(d -> d).min().orElse(0)));
        System.out.println("  (sharp's CPU for the set is its whole process, node start-up included)");
    }

    private static void row(String label, double vitrine, double sharp) {
        System.out.printf(
                "  %-38s %10s %10s %8s%n",
                label, Stats.round(vitrine), Stats.round(sharp), String.format(Locale.ROOT, "%.2f", vitrine / sharp));
    }
}
