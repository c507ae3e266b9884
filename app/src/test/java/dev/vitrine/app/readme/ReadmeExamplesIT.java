package dev.vitrine.app.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.app.support.RunningJar;
import dev.vitrine.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's API examples, run as written, top to bottom, against the packaged jar on its embedded defaults.
 * Every curl must succeed, except in the block that says it is refused.
 */
class ReadmeExamplesIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dataDir;

    @Test
    void every_curl_example_of_the_readme_works_against_the_running_jar() throws Exception {
        int port = RunningJar.freePort();
        try (RunningJar jar = RunningJar.start(dataDir, port, RunningJar.freePort())) {
            String script = script(port);
            // a loop of the README that never ends (an image never published) fails the test instead of hanging it
            Process bash = new ProcessBuilder("timeout", "120", "bash", "-c", script)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(bash.getInputStream().readAllBytes());
            assertThat(bash.waitFor(3, TimeUnit.MINUTES)).isTrue();

            assertThat(bash.exitValue())
                    .as("the README's examples failed:\n%s\n--- script ---\n%s", output, script)
                    .isZero();
            assertThat(output)
                    .contains("\"username\":\"alice\"")
                    .contains("\"name\":\"Trams of Lisbon, 2026\"")
                    .contains("\"status\":\"processing\"")
                    .contains("{\"status\":\"published\",\"width\":2725,\"height\":2225,\"blurhash\":")
                    .contains("\"alt\":\"A yellow tram climbing a hill\"")
                    .contains("{\"tags\":[\"tram\",\"lisbon\"]}")
                    .contains("[{\"tag\":\"lisbon\",\"count\":1},{\"tag\":\"tram\",\"count\":1}]")
                    .contains("{\"galleries\":[\"Trams of Lisbon, 2026\"],"
                            + "\"images\":[{\"file\":\"tram.jpg\",\"galleryName\":\"Trams of Lisbon, 2026\"}]}")
                    .contains("{\"maxDistance\":12,\"groups\":[]}")
                    .contains("{\"showLocations\":true}")
                    .contains("\"error\":\"invalid_field\",\"path\":\"name\"")
                    .contains("{\"label\":\"family\",\"passwordProtected\":true,\"status\":\"active\"")
                    .contains("\"error\":\"password_required\"")
                    .contains("\"error\":\"share_link_revoked\"")
                    .contains("{\"name\":\"Trams of Lisbon, 2026\",\"yourRole\":\"contributor\"}")
                    .contains("\"role\":\"contributor\"")
                    .contains("\"error\":\"forbidden\"");
        }
    }

    /** The API section's bash blocks as one script; curl fails the script on any HTTP error but where refused. */
    private static String script(int port) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String api = readme.substring(readme.indexOf("\n## API"));
        List<String> parts =
                new ArrayList<>(List.of("set -euo pipefail", "curl() { command curl --fail-with-body \"$@\"; echo; }"));
        Matcher block = BASH_BLOCK.matcher(api);
        while (block.find()) {
            String code = block.group(1)
                    .replace("V=http://localhost:8080", "V=http://localhost:" + port)
                    .replace("PHOTO=../shared/fixtures/images/", "PHOTO=" + Fixtures.directory() + "/");
            parts.add(code.contains("# refused:") ? "( curl() { command curl \"$@\"; echo; }\n" + code + ")" : code);
        }
        assertThat(parts).hasSizeGreaterThan(5);
        return String.join("\n", parts);
    }
}
