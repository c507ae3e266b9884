package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed's own engine, sharp, run as ../shared/peers/sharp-variants ships it: copied beside the build (the
 * shared folder is read-only) and installed from the npm registry once.
 */
final class Sharp {

    record Run(JsonNode result, double cpuMillis) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    private Sharp(Path dir) {
        this.dir = dir;
    }

    static Sharp install(Path peer, Path workDir) throws Exception {
        Path dir = workDir.resolve("sharp-peer");
        Files.createDirectories(dir);
        for (String file : List.of("package.json", "variants.mjs")) {
            Files.copy(peer.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dir.resolve("node_modules/sharp"))) {
            run(dir, Map.of(), "npm", "install", "--no-save", "--no-audit", "--no-fund");
        }
        return new Sharp(dir);
    }

    Run latency(Path file, int runs, boolean withAvif) throws Exception {
        return node(withAvif ? Map.of() : Map.of("NO_AVIF", "1"), "latency", file.toString(), String.valueOf(runs));
    }

    Run set(Path directory, Path outputs) throws Exception {
        return node(Map.of(), "set", directory.toString(), outputs.toString());
    }

    /** Every image of the directory, {@code inflight} at a time, two passes after a warm-up one. */
    Run throughput(Path directory, int inflight, boolean withAvif) throws Exception {
        return node(
                withAvif ? Map.of() : Map.of("NO_AVIF", "1"),
                "throughput",
                directory.toString(),
                String.valueOf(inflight));
    }

    /** Every image once, the WebP set and BlurHash only (what Vitrine publishes on), nothing written. */
    Run webpSet(Path directory) throws Exception {
        return node(Map.of("NO_AVIF", "1"), "set", directory.toString());
    }

    String version() throws Exception {
        return run(
                        dir,
                        Map.of(),
                        "node",
                        "-e",
                        "import('sharp').then(s => console.log(s.default.versions.sharp + ' (libvips ' + s.default.versions.vips + ')'))")
                .strip();
    }

    /** Runs the peer under bash's time, so its CPU time (all threads) is measured from outside as well. */
    private Run node(Map<String, String> env, String... arguments) throws Exception {
        String command = "TIMEFORMAT='%U %S'; time node variants.mjs " + String.join(" ", arguments);
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(dir.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("sharp peer failed: " + err + out);
        }
        String[] times = err.strip()
                .lines()
                .reduce((first, second) -> second)
                .orElse("0 0")
                .split(" ");
        double cpu = (Double.parseDouble(times[0]) + Double.parseDouble(times[1])) * 1000;
        return new Run(JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow()), cpu);
    }

    private static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
