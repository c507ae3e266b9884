package dev.vitrine.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged jar as its own process, on the machine's PostgreSQL and RabbitMQ. */
final class App implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private App(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static App start(Path jar, Path dataDir, String database, int workers) throws Exception {
        return start(jar, dataDir, database, workers, List.of());
    }

    /** With {@code extra} settings ({@code --name=value}) after the ones every benchmark uses. */
    static App start(Path jar, Path dataDir, String database, int workers, List<String> extra) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("vitrine.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "--spring.datasource.username=postgres",
                "--spring.rabbitmq.host=127.0.0.1",
                "--vitrine.processing.queue=" + database,
                "--vitrine.processing.workers=" + workers,
                "--vitrine.embedded.data-dir=" + dataDir,
                "--vitrine.embedded.s3-port=0",
                // a benchmark is one client doing what thousands would: the abuse limits would measure themselves
                "--vitrine.limits.enabled=false"));
        command.addAll(extra);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        App app = new App(process, port, log);
        for (int i = 0; i < 600; i++) {
            if (Files.readString(log).contains("Vitrine is ready")) {
                return app;
            }
            if (!process.isAlive()) {
                throw new IOException("Vitrine exited:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new IOException("Vitrine did not start:\n" + Files.readString(log));
    }

    String base() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** The JVM's resident memory now, from /proc (MB). */
    long residentMegabytes() throws IOException {
        return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .orElse(-1L);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(60, TimeUnit.SECONDS);
    }
}
