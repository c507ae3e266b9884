package dev.vitrine.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cached image page under wrk (2 threads, 2 connections per core), alternately from Vitrine and from nginx
 * serving the same bytes as a static file; then Vitrine alone at about 1,000 requests/s for its p99.
 */
final class Throughput {

    static final int CONNECTIONS = 2 * Runtime.getRuntime().availableProcessors();
    static final String SECONDS = "15s";

    private Throughput() {}

    static void compareWithNginx(int vitrinePort, String path, String user, String password, Path page, Path work)
            throws Exception {
        List<String> auth = user == null
                ? List.of()
                : List.of(
                        "-H",
                        "Authorization: Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        try (Nginx nginx = Nginx.serve(page, work.resolve("nginx"))) {
            List<Double> vitrine = new ArrayList<>();
            List<Double> peer = new ArrayList<>();
            wrk("http://127.0.0.1:" + vitrinePort + path, auth, null); // a first round warms the JIT, untimed
            System.out.printf(
                    "%ncached image page (%,d bytes) under wrk -t2 -c%d -d%s, alternately:%n",
                    Files.size(page), CONNECTIONS, SECONDS);
            for (int round = 1; round <= 3; round++) {
                Result ours = wrk("http://127.0.0.1:" + vitrinePort + path, auth, null);
                Result theirs = wrk(nginx.url(), List.of(), null);
                vitrine.add(ours.requestsPerSecond());
                peer.add(theirs.requestsPerSecond());
                System.out.printf(
                        Locale.ROOT,
                        "  round %d: Vitrine %,9.0f req/s (p99 %6.2f ms)   nginx %,9.0f req/s " + "(p99 %6.2f ms)%n",
                        round,
                        ours.requestsPerSecond(),
                        ours.p99(),
                        theirs.requestsPerSecond(),
                        theirs.p99());
            }
            double ratio = Stats.median(vitrine) / Stats.median(peer);
            System.out.printf(
                    Locale.ROOT,
                    "  median: Vitrine / nginx = %.2f (target ≥ 0.5: %s)%n",
                    ratio,
                    ratio >= 0.5 ? "met" : "MISSED");
        }
        Path paced = work.resolve("paced.lua");
        // each of the 8 connections waits 7 ms before each request: about 1,000 requests/s in all
        Files.writeString(paced, "function delay() return 7 end\n");
        List<String> paceArgs = new ArrayList<>(auth);
        Result steady = wrk("http://127.0.0.1:" + vitrinePort + path, paceArgs, paced);
        System.out.printf(
                Locale.ROOT,
                "  Vitrine at %,.0f req/s: p50 %.2f ms, p99 %.2f ms (target p99 < 5 ms: %s)%n",
                steady.requestsPerSecond(),
                steady.p50(),
                steady.p99(),
                steady.p99() < 5 ? "met" : "MISSED");
    }

    /**
     * Two builds of Vitrine and nginx, each in turn under the same wrk load (anonymous reads of the same cached
     * page), round after round: what one change did to the cached read, beside the static peer.
     */
    static void compareBuilds(String page, int before, int after, Path body, Path work) throws Exception {
        try (Nginx nginx = Nginx.serve(body, work.resolve("nginx"))) {
            String beforeUrl = "http://127.0.0.1:" + before + page;
            String afterUrl = "http://127.0.0.1:" + after + page;
            wrk(beforeUrl, List.of(), null); // first rounds warm both JITs, untimed
            wrk(afterUrl, List.of(), null);
            List<Double> was = new ArrayList<>();
            List<Double> is = new ArrayList<>();
            List<Double> peer = new ArrayList<>();
            System.out.printf(
                    "%ncached image page (%,d bytes) under wrk -t2 -c%d -d%s, in turn:%n",
                    Files.size(body), CONNECTIONS, SECONDS);
            for (int round = 1; round <= 3; round++) {
                Result a = wrk(beforeUrl, List.of(), null);
                Result b = wrk(afterUrl, List.of(), null);
                Result n = wrk(nginx.url(), List.of(), null);
                was.add(a.requestsPerSecond());
                is.add(b.requestsPerSecond());
                peer.add(n.requestsPerSecond());
                System.out.printf(
                        Locale.ROOT,
                        "  round %d: before %,9.0f req/s (p99 %6.2f ms)   after %,9.0f req/s (p99 %6.2f ms)   nginx"
                                + " %,9.0f req/s%n",
                        round,
                        a.requestsPerSecond(),
                        a.p99(),
                        b.requestsPerSecond(),
                        b.p99(),
                        n.requestsPerSecond());
            }
            System.out.printf(
                    Locale.ROOT,
                    "  median / nginx: before %.2f, after %.2f; after / before %.2f%n",
                    Stats.median(was) / Stats.median(peer),
                    Stats.median(is) / Stats.median(peer),
                    Stats.median(is) / Stats.median(was));
        }
    }

    record Result(double requestsPerSecond, double p50, double p99) {}

    private static Result wrk(String url, List<String> headers, Path script) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("wrk", "--latency", "-t2", "-c" + (script == null ? CONNECTIONS : 8), "-d" + SECONDS));
        command.addAll(headers);
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0 || out.contains("Non-2xx")) {
            throw new IOException("wrk failed or got errors:\n" + out);
        }
        return new Result(number(out, "Requests/sec:\\s+([\\d.]+)"), millis(out, "50%"), millis(out, "99%"));
    }

    private static double millis(String out, String percentile) {
        Matcher m = Pattern.compile(percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " in wrk's output:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String out, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + pattern + " in:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** nginx serving one file, with as many workers as Vitrine has cores. */
    record Nginx(Process process, int port) implements AutoCloseable {

        static Nginx serve(Path file, Path dir) throws Exception {
            Files.createDirectories(dir.resolve("logs"));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Files.writeString(dir.resolve("nginx.conf"), """
                    worker_processes %d;
                    pid %s/nginx.pid;
                    error_log %s/logs/error.log;
                    events { worker_connections 1024; }
                    http {
                      access_log off;
                      server {
                        listen 127.0.0.1:%d;
                        location = /page.json {
                          alias %s;
                          default_type application/json;
                          add_header Cache-Control "public, max-age=10";
                        }
                      }
                    }
                    """.formatted(
                            Runtime.getRuntime().availableProcessors(), dir, dir, port, file.toAbsolutePath()));
            Process process = new ProcessBuilder(
                            "nginx",
                            "-p",
                            dir.toString(),
                            "-c",
                            dir.resolve("nginx.conf").toString(),
                            "-g",
                            "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("logs/out.log").toFile())
                    .start();
            for (int i = 0; i < 50; i++) {
                try (var probe = new Socket("127.0.0.1", port)) {
                    return new Nginx(process, port);
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new IOException("nginx did not start: " + Files.readString(dir.resolve("logs/out.log")));
        }

        String url() {
            return "http://127.0.0.1:" + port + "/page.json";
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
