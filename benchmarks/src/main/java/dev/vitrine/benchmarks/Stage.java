package dev.vitrine.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Where one scenario runs, fresh: its directory under target/work/faults/&lt;mode&gt;-&lt;scenario&gt;/ (the apps'
 * logs and the harness's journal stay there), its nodes, its database and queue on the machine's services, its
 * S3 server if it has one. Closing it stops everything it started and drops what it created.
 */
final class Stage implements AutoCloseable {

    enum Mode {
        EMBEDDED,
        MACHINE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final Faults.Settings settings;
    final Mode mode;
    final String scenario;
    final Path dir;
    final Journal journal;
    final Tally tally;
    /** The machine mode's database, also the queue's name and the cache's key prefix; null when embedded. */
    final String database;

    private final List<FaultNode> nodes = new ArrayList<>();
    private S3Server s3;

    Stage(Faults.Settings settings, Mode mode, String scenario) throws Exception {
        this.settings = settings;
        this.mode = mode;
        this.scenario = scenario;
        this.dir = settings.work().resolve("faults").resolve(mode.label() + "-" + scenario);
        delete(dir);
        Files.createDirectories(dir);
        this.journal = new Journal(mode.label() + "/" + scenario, dir.resolve("harness.log"));
        this.tally = new Tally(journal);
        if (mode == Mode.MACHINE) {
            database = "vitrine_faults_" + UUID.randomUUID().toString().substring(0, 8);
            EndToEnd.admin("CREATE DATABASE " + database);
            journal.note("database and queue " + database);
        } else {
            database = null;
        }
    }

    /** The harness's own S3 server, started; the nodes created after it use it instead of the embedded one. */
    S3Server s3() throws Exception {
        if (s3 == null) {
            s3 = new S3Server(dir.resolve("s3"));
            s3.start();
        }
        return s3;
    }

    /** A node of this stage (not started), with the mode's settings, the stage's S3 server if any, and these. */
    FaultNode node(String name, List<String> extra) {
        List<String> all = new ArrayList<>();
        if (mode == Mode.MACHINE) {
            all.addAll(List.of(
                    "--spring.datasource.url=" + DataSet.POSTGRES + database,
                    "--spring.datasource.username=postgres",
                    "--spring.rabbitmq.host=127.0.0.1",
                    "--spring.rabbitmq.username=guest",
                    "--spring.rabbitmq.password=guest",
                    "--vitrine.processing.queue=" + database,
                    "--spring.data.redis.host=127.0.0.1",
                    "--vitrine.cache.key-prefix=" + database + ":"));
        }
        if (s3 != null) {
            all.addAll(s3.settings());
        }
        all.addAll(extra);
        FaultNode node = new FaultNode(name, settings.jar(), dir, all, journal);
        nodes.add(node);
        return node;
    }

    /** A client of every node of the stage (a connection per request when there are several, as a balancer). */
    FaultClient client(String credentials) {
        return new FaultClient(nodes.stream().map(n -> n.target).toList(), nodes.size() > 1, tally, credentials);
    }

    @Override
    public void close() {
        for (FaultNode node : nodes) {
            try {
                node.close();
            } catch (Exception e) {
                journal.note("stopping node " + node.name + ": " + e);
            }
            stopOrphanedPostgres(node.dataDir.resolve("postgres"));
        }
        try {
            if (s3 != null) {
                s3.close();
            }
        } catch (Exception e) {
            journal.note("stopping the S3 server: " + e);
        }
        if (database != null) {
            try {
                EndToEnd.admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (Exception e) {
                journal.note("dropping " + database + ": " + e);
            }
            for (String queue : List.of(database, database + ".complete", database + ".dead")) {
                try {
                    Outage.shell(journal, "rabbitmqctl", "delete_queue", queue);
                } catch (Exception e) {
                    journal.note("deleting queue " + queue + ": " + e);
                }
            }
        }
        // the logs stay; the data (a PostgreSQL cluster and the stored images per node) goes
        for (FaultNode node : nodes) {
            delete(node.dataDir);
        }
        delete(dir.resolve("s3"));
    }

    /** A node that died (or was killed) leaves its embedded PostgreSQL running: stop it, as Vitrine's start would. */
    private void stopOrphanedPostgres(Path dataDirectory) {
        try {
            Optional<ProcessHandle> orphan = Outage.postmaster(dataDirectory);
            if (orphan.isPresent()) {
                journal.note("stopping the embedded PostgreSQL " + orphan.get().pid() + " left behind");
                orphan.get().destroy();
                orphan.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            journal.note("stopping the embedded PostgreSQL left behind: " + e);
        }
    }

    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // what remains is in target/, cleaned by the next run or mvn clean
        }
    }
}
