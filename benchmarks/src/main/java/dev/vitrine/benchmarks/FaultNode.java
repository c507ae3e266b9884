package dev.vitrine.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar as its own process (as {@link App} runs it), which a scenario kills, stops and starts again on
 * the same data directory, database and ports: the embedded S3 server's port is in the presigned URLs already handed
 * out, and the clients know the HTTP port. Each start writes its own log beside the scenario's other files.
 */
final class FaultNode implements AutoCloseable {

    static final String ADMIN = "faults-admin";
    static final String ADMIN_PASSWORD = "faults-admin-password";
    static final String ADMIN_CREDENTIALS = ADMIN + ":" + ADMIN_PASSWORD;
    private static final Duration STARTUP = Duration.ofMinutes(3);

    /** Every process any scenario started, for the harness's shutdown hook. */
    static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    final String name;
    final int port;
    final int s3Port;
    final Path dataDir;
    final FaultClient.Target target;
    private final Path jar;
    private final Path logDir;
    private final List<String> settings;
    private final Journal journal;
    private volatile Process process;
    private volatile Path log;
    private int starts;

    FaultNode(String name, Path jar, Path logDir, List<String> settings, Journal journal) {
        this.name = name;
        this.jar = jar;
        this.logDir = logDir;
        this.port = Ports.free();
        this.s3Port = Ports.free();
        this.dataDir = logDir.resolve("data-" + name);
        this.settings = List.copyOf(settings);
        this.journal = journal;
        this.target = new FaultClient.Target("http://localhost:" + port);
    }

    /** Starts the jar and waits until it says it is ready; fails if it exits or is not ready within 3 minutes. */
    void start() throws IOException, InterruptedException {
        if (!startAndAwait()) {
            throw new IOException(
                    "node " + name + " exited with " + process.exitValue() + " before it was ready; see " + log);
        }
    }

    /** Starts the jar; {@code false} when it exited before it was ready (a crash the scenario expects). */
    boolean startAndAwait() throws IOException, InterruptedException {
        launch();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("Vitrine is ready")) {
                journal.note("node " + name + " ready (start " + starts + ", pid " + process.pid() + ")");
                return true;
            }
            if (!process.isAlive()) {
                journal.note("node " + name + " exited with " + process.exitValue() + " while starting");
                return false;
            }
            Thread.sleep(100);
        }
        kill();
        throw new IOException("node " + name + " was not ready within " + STARTUP + "; see " + log);
    }

    private void launch() throws IOException {
        Files.createDirectories(dataDir);
        starts++;
        log = logDir.resolve("app-" + name + "-" + starts + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--vitrine.embedded.data-dir=" + dataDir,
                "--vitrine.embedded.s3-port=" + s3Port,
                // one client doing what thousands would: the abuse limits would measure themselves
                "--vitrine.limits.enabled=false",
                "--vitrine.admin.username=" + ADMIN,
                "--vitrine.admin.password=" + ADMIN_PASSWORD));
        command.addAll(settings);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LIVE.add(process);
        journal.note("node " + name + " started (pid " + process.pid() + "), log " + log.getFileName());
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** kill -9: no shutdown hook, nothing finished or handed back. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            LIVE.remove(process);
        }
    }

    /** SIGTERM, as a service manager stops it; answers its exit status, or -1 if it did not exit in time. */
    int terminate(Duration bound) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        LIVE.remove(process);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (alive() && terminate(Duration.ofSeconds(60)) == -1) {
            journal.note("node " + name + " did not stop within 60 s of SIGTERM: killed");
            kill();
        }
    }
}
