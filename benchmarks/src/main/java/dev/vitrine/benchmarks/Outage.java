package dev.vitrine.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A service a scenario takes away and brings back: the machine's PostgreSQL, RabbitMQ and Redis (by the commands an
 * operator would use), the embedded PostgreSQL of a node, or the harness's own S3 server. Whatever is down is
 * remembered, so that a scenario's finally block and the harness's shutdown hook always bring it back.
 */
abstract class Outage {

    /** Services taken away and not yet brought back. */
    static final Set<Outage> DOWN = ConcurrentHashMap.newKeySet();

    final String name;
    protected final Journal journal;

    Outage(String name, Journal journal) {
        this.name = name;
        this.journal = journal;
    }

    final void takeAway() throws Exception {
        DOWN.add(this);
        journal.say("%s: stopping", name);
        stop();
    }

    final void bringBack() throws Exception {
        journal.say("%s: starting", name);
        start();
        DOWN.remove(this);
    }

    /** Brings it back if it is down; never throws (finally blocks, the shutdown hook). */
    final void restore() {
        if (!DOWN.contains(this)) {
            return;
        }
        try {
            bringBack();
        } catch (Exception e) {
            journal.say("%s: COULD NOT BE STARTED AGAIN: %s — start it by hand", name, e);
        }
    }

    protected abstract void stop() throws Exception;

    /** Starts it and returns once it answers again. */
    protected abstract void start() throws Exception;

    static Outage machinePostgres(Journal journal) throws IOException {
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString())
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new IOException("no cluster under /etc/postgresql"));
        }
        return new Outage("PostgreSQL " + version + "/main", journal) {
            @Override
            protected void stop() throws Exception {
                shell(journal, "pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop");
            }

            @Override
            protected void start() throws Exception {
                shell(journal, "pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start");
                awaitUp(() -> {
                    try (Connection ignored =
                            DriverManager.getConnection(DataSet.POSTGRES + "postgres", "postgres", "")) {
                        return true;
                    }
                });
            }
        };
    }

    static Outage rabbitmq(Journal journal) {
        return new Outage("RabbitMQ", journal) {
            @Override
            protected void stop() throws Exception {
                shell(journal, "rabbitmqctl", "stop_app");
            }

            @Override
            protected void start() throws Exception {
                shell(journal, "rabbitmqctl", "start_app");
                shell(journal, "rabbitmqctl", "await_startup");
            }
        };
    }

    static Outage redis(Journal journal) {
        return new Outage("Redis", journal) {
            @Override
            protected void stop() throws Exception {
                shell(journal, "redis-cli", "-h", "127.0.0.1", "shutdown", "nosave");
            }

            @Override
            protected void start() throws Exception {
                // exactly as CI starts it
                shell(
                        journal,
                        "redis-server",
                        "--daemonize",
                        "yes",
                        "--bind",
                        "127.0.0.1",
                        "-::1",
                        "--port",
                        "6379",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        "/var/lib/redis",
                        "--logfile",
                        "/var/log/redis/ci.log");
                awaitUp(() ->
                        shell(journal, "redis-cli", "-h", "127.0.0.1", "ping").contains("PONG"));
            }
        };
    }

    /**
     * The embedded PostgreSQL of a node: a child process of zonky's, its binaries unpacked apart from its data. Its
     * own pg_ctl stops it (fast: open sessions are cut, as a crash or a failover would) and starts it again with
     * the options it ran with (pg_ctl restart reads them from postmaster.opts).
     */
    static Outage embeddedPostgres(Path dataDirectory, Journal journal) throws IOException {
        String pgCtl = postmasterBinary(dataDirectory)
                .map(postgres -> postgres.resolveSibling("pg_ctl").toString())
                .orElseThrow(() -> new IOException("no running postmaster on " + dataDirectory));
        Path log = dataDirectory.getParent().resolve("postgres-restart.log");
        return new Outage("embedded PostgreSQL", journal) {
            @Override
            protected void stop() throws Exception {
                shell(journal, pgCtl(pgCtl, "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop"));
            }

            @Override
            protected void start() throws Exception {
                shell(journal, pgCtl(pgCtl, "-D", dataDirectory.toString(), "-l", log.toString(), "-w", "restart"));
            }
        };
    }

    /**
     * A pg_ctl command line. PostgreSQL's tools refuse to run as root; as root, zonky runs them in a user namespace
     * of their own ({@code unshare -U}, where the user is nobody), and so does the harness, on the same files.
     */
    static String[] pgCtl(String pgCtl, String... arguments) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl);
        command.addAll(List.of(arguments));
        return command.toArray(String[]::new);
    }

    /** The postgres binary the postmaster of this data directory runs, from its postmaster.pid. */
    static Optional<Path> postmasterBinary(Path dataDirectory) throws IOException {
        return postmaster(dataDirectory)
                .flatMap(process -> process.info().command())
                .map(Path::of);
    }

    static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.getFirst().trim())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The harness's own S3 server. */
    static Outage s3(S3Server server, Journal journal) {
        return new Outage("S3 server", journal) {
            @Override
            protected void stop() throws Exception {
                server.stop();
            }

            @Override
            protected void start() throws Exception {
                server.start();
            }
        };
    }

    interface Check {
        boolean up() throws Exception;
    }

    private static void awaitUp(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.up()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IOException("not up within 60 s", last);
    }

    /** Runs a command, its output in the journal; fails on a non-zero exit or after 2 minutes. */
    static String shell(Journal journal, String... command) throws IOException, InterruptedException {
        // output to a file, not a pipe: a daemon it starts may hold a pipe open long after the command returned
        Path output = Files.createTempFile("vitrine-faults", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 2 minutes");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            journal.note("$ " + String.join(" ", command) + " -> " + process.exitValue() + " " + Journal.shorten(text));
            if (process.exitValue() != 0) {
                throw new IOException(
                        String.join(" ", command) + " exited with " + process.exitValue() + ": " + text.trim());
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
