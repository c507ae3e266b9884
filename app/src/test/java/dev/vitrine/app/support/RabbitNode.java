package dev.vitrine.app.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A RabbitMQ node of a test's own (the machine's rabbitmq-server, on free ports, its data in a temporary
 * directory), so that the test may stop and start the broker without disturbing the machine's RabbitMQ or the
 * other tests on it.
 */
public final class RabbitNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path directory;

    private RabbitNode(String name, int port, Path directory) {
        this.name = name;
        this.port = port;
        this.directory = directory;
    }

    public static RabbitNode start() throws Exception {
        Path directory = Files.createTempDirectory(
                "vitrine-rabbit", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.writeString(directory.resolve("enabled_plugins"), "[].");
        // rabbitmq-server started by root runs as the rabbitmq user
        run(List.of("chown", "-R", "rabbitmq:rabbitmq", directory.toString()), Map.of(), false);
        RabbitNode node = new RabbitNode(
                "vitrine-it-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost",
                RunningJar.freePort(),
                directory);
        int distribution = RunningJar.freePort();
        run(
                List.of("rabbitmq-server", "-detached"),
                Map.of(
                        "RABBITMQ_NODENAME", node.name,
                        "RABBITMQ_NODE_PORT", Integer.toString(node.port),
                        "RABBITMQ_DIST_PORT", Integer.toString(distribution),
                        "RABBITMQ_MNESIA_BASE", directory.resolve("mnesia").toString(),
                        "RABBITMQ_LOG_BASE", directory.resolve("log").toString(),
                        "RABBITMQ_PID_FILE", directory.resolve("pid").toString(),
                        "RABBITMQ_ENABLED_PLUGINS_FILE",
                                directory.resolve("enabled_plugins").toString(),
                        "RABBITMQ_CONFIG_FILE", directory.resolve("rabbitmq").toString()),
                true);
        node.awaitListening(true);
        return node;
    }

    public int port() {
        return port;
    }

    /** Stops the broker (its data stays) and starts it again; connections to it are dropped meanwhile. */
    public void stopApp() throws Exception {
        run(List.of("rabbitmqctl", "-n", name, "stop_app"), Map.of(), true);
        awaitListening(false);
    }

    public void startApp() throws Exception {
        run(List.of("rabbitmqctl", "-n", name, "start_app"), Map.of(), true);
        awaitListening(true);
    }

    @Override
    public void close() throws Exception {
        run(List.of("rabbitmqctl", "-n", name, "stop"), Map.of(), false);
    }

    private void awaitListening(boolean listening) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean open;
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                open = true;
            } catch (IOException closed) {
                open = false;
            }
            if (open == listening) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("RabbitMQ node " + name + " did not " + (listening ? "start" : "stop"));
    }

    private static void run(List<String> command, Map<String, String> environment, boolean mustSucceed)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 && mustSucceed) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
