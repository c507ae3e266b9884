package dev.vitrine.app.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Redis server of a test's own (the machine's redis-server binary on a free port, saving only when told), so
 * that the test may stop it and start it again without disturbing anything else.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path directory;
    private Process process;

    private RedisServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    public static RedisServer start() throws IOException {
        RedisServer server = new RedisServer(RunningJar.freePort(), Files.createTempDirectory("vitrine-redis"));
        server.restart();
        return server;
    }

    public int port() {
        return port;
    }

    public void restart() throws IOException {
        process = new ProcessBuilder(List.of(
                        binary(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        directory.toString()))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the server after it wrote its data to disk: {@link #restart()} brings that data back. */
    public void stopSavingData() throws IOException, InterruptedException {
        new ProcessBuilder(List.of(cli(), "-p", Integer.toString(port), "SHUTDOWN", "SAVE"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
        process.waitFor();
    }

    @Override
    public void close() {
        stop();
    }

    private static String binary() {
        return Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
    }

    private static String cli() {
        return Files.isExecutable(Path.of("/usr/bin/redis-cli")) ? "/usr/bin/redis-cli" : "redis-cli";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
