package dev.vitrine.app.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After Vitrine is killed (kill -9, power cut of the JVM alone), its embedded PostgreSQL keeps running and holds
 * the data directory. The next start stops that orphan first (a smart shutdown: its clients died with Vitrine) —
 * unless another live Vitrine still holds the directory, which is refused with a clear message.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final String ZONKY_LOCK = "epg-lock";
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private OrphanedPostmaster() {}

    static void stopIfLeftBehind(Path dataDirectory) throws IOException {
        requireNoOtherVitrine(dataDirectory);
        Optional<ProcessHandle> orphan = postmasterOf(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        log.warn(
                "PostgreSQL {} was left running on {} by a Vitrine that did not stop cleanly; stopping it",
                orphan.get().pid(),
                dataDirectory.toAbsolutePath());
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "PostgreSQL " + orphan.get().pid() + " on " + dataDirectory + " did not stop within " + STOP_WAIT
                            + "; stop it and start Vitrine again",
                    e);
        }
    }

    private static void requireNoOtherVitrine(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(ZONKY_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("another Vitrine is running on " + dataDirectory.toAbsolutePath()
                        + "; stop it or give this one its own vitrine.data-dir");
            }
        }
    }

    private static Optional<ProcessHandle> postmasterOf(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String firstLine =
                Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        try {
            return ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(process -> process.info()
                            .command()
                            .map(c -> c.endsWith("postgres"))
                            .orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
