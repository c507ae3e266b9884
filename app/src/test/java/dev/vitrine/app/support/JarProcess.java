package dev.vitrine.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app/target/vitrine.jar as a process of its own, which a test stops with SIGTERM as a service
 * manager or Kubernetes would, and whose exit status it reads.
 */
public final class JarProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/vitrine.jar");
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static JarProcess start(List<String> arguments) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run this test with mvn verify");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(
                List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(arguments);
        Path log = Files.createTempFile("vitrine-shutdown", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        JarProcess jar = new JarProcess(process, log);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!jar.log().contains("Vitrine is ready")) {
            if (!process.isAlive()) {
                throw new AssertionError("Vitrine exited with " + process.exitValue() + ":\n" + jar.log());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("Vitrine was not ready within " + STARTUP + ":\n" + jar.log());
            }
            Thread.sleep(200);
        }
        return jar;
    }

    /** SIGTERM, and nothing more: the process stops in its own time. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; answers its exit status, or null if it is still running after {@code bound}. */
    public Integer awaitExit(Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
