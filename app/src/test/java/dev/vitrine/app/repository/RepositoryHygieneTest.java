package dev.vitrine.app.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runtime data never lands in the repository: an embedded PostgreSQL cluster and the embedded S3 server's secret
 * live in a {@code vitrine-data/} directory wherever the app was started, and none of it may be tracked.
 */
class RepositoryHygieneTest {

    @Test
    void no_file_under_any_vitrine_data_directory_is_tracked() throws Exception {
        Path root = repositoryRoot();
        List<String> tracked = git(root, "ls-files", "-z");
        assertThat(tracked).as("files git tracks").isNotEmpty();
        assertThat(tracked)
                .as("tracked files under a vitrine-data/ directory (runtime data: remove them with git rm --cached)")
                .noneMatch(path -> ("/" + path).contains("/vitrine-data/"));
    }

    @Test
    void every_vitrine_data_directory_is_ignored() throws Exception {
        Path root = repositoryRoot();
        for (String candidate : List.of(
                "vitrine-data/s3-secret",
                "app/vitrine-data/postgres/PG_VERSION",
                "benchmarks/target/work/x/vitrine-data/s3-secret",
                "deep/down/vitrine-data/any")) {
            assertThat(git(root, "check-ignore", "--no-index", candidate))
                    .as("git ignores " + candidate)
                    .containsExactly(candidate);
        }
    }

    /** The clone this test runs in; a source tree without git (an unpacked archive) has nothing to check. */
    private static Path repositoryRoot() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".git"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "not inside a git clone");
        return dir;
    }

    private static List<String> git(Path root, String... arguments) throws Exception {
        String[] command = new String[arguments.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = root.toString();
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).as("git answered").isTrue();
        assertThat(git.exitValue())
                .as("git %s: %s", String.join(" ", arguments), out)
                .isZero();
        return Arrays.stream(out.split("[\0\n]")).filter(s -> !s.isEmpty()).toList();
    }
}
