package dev.vitrine.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged app/target/vitrine.jar, run as its own process exactly as the README runs it. */
public final class RunningJar implements AutoCloseable {

    private static final Path JAR = Path.of("target/vitrine.jar");
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;

    private RunningJar(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the jar with nothing configured but where its data lives and its ports; waits until it is ready. */
    public static RunningJar start(Path dataDir, int port, int s3Port, String... arguments) {
        RunningJar jar = launch(dataDir, port, s3Port, arguments);
        jar.awaitReady();
        return jar;
    }

    /** Starts the jar and does not wait: for a process that may end before it is ready. */
    public static RunningJar launch(Path dataDir, int port, int s3Port, String... arguments) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run this test with mvn verify");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-jar",
                JAR.toString(),
                "--server.port=" + port,
                "--vitrine.embedded.data-dir=" + dataDir,
                "--vitrine.embedded.s3-port=" + s3Port));
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile("vitrine-jar", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new RunningJar(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ports handed out in this JVM: a port just closed may come back from the next bind to port 0. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    /** Several ports free now, none handed out before in this JVM. */
    public static int[] freePorts(int count) {
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = freePort();
        }
        return ports;
    }

    /** A port free now and never handed out before in this JVM (two in a row were once the same). */
    public static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (GIVEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the embedded PostgreSQL said it runs on. */
    public int embeddedPostgresPort() {
        Matcher matcher = Pattern.compile("Embedded PostgreSQL 17 is running on port (\\d+)")
                .matcher(log());
        if (!matcher.find()) {
            throw new AssertionError("the log does not say where the embedded PostgreSQL runs:\n" + log());
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Waits for the process to end by itself; answers its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Vitrine did not exit within " + timeout + ":\n" + log());
        }
        return process.exitValue();
    }

    /** kill -9: no shutdown hook, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A normal stop (SIGTERM), as a service manager does it. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("Vitrine did not stop within a minute:\n" + log());
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (log().contains("Vitrine is ready")) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("Vitrine exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("Vitrine was not ready within " + STARTUP + ":\n" + log());
    }
}
