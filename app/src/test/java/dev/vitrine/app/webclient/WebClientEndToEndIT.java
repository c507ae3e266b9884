package dev.vitrine.app.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.app.support.RunningJar;
import dev.vitrine.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web client's browser tests (Playwright, Debian's Chromium) against the packaged jar on its embedded
 * defaults, as a new user would run it: what they do is in {@code web-client/e2e}. Screenshots and the measured
 * page metrics land in {@code web-client/e2e-results}.
 */
class WebClientEndToEndIT {

    static final Path WEB_CLIENT = Path.of("..", "web-client").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;

    @Test
    void the_browser_tests_pass_against_the_running_jar() throws Exception {
        int port = RunningJar.freePort();
        // the fastest AVIF effort: the perf test waits for 500 AVIF sets on the same two cores, and what it
        // measures is the page, not the encoder
        try (RunningJar jar =
                RunningJar.start(dataDir, port, RunningJar.freePort(), "--vitrine.imaging.avif-effort=0")) {
            Path log = dataDir.resolve("e2e.log");
            ProcessBuilder e2e = new ProcessBuilder("npm", "run", "e2e")
                    .directory(WEB_CLIENT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            e2e.environment().put("VITRINE_URL", "http://localhost:" + port);
            e2e.environment().put("VITRINE_FIXTURES", Fixtures.directory().toString());
            Process run = e2e.start();
            boolean finished = run.waitFor(12, TimeUnit.MINUTES);
            if (!finished) {
                run.destroyForcibly();
            }
            String output = Files.readString(log);
            System.out.println(output);
            assertThat(finished)
                    .as("the browser tests finished in time:\n%s", output)
                    .isTrue();
            assertThat(run.exitValue())
                    .as("the browser tests failed:\n%s", output)
                    .isZero();
        }
    }
}
