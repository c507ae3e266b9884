package dev.vitrine.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.app.support.RunningJar;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with {@code VITRINE_LOG_FORMAT=json}: every line it logs, the startup block included, is one
 * JSON object a log pipeline reads as it is; only what the JVM and native libraries print themselves is not.
 */
class JsonLogsIT {

    @TempDir
    Path dataDir;

    @Test
    void every_logged_line_is_one_json_object() throws Exception {
        String log;
        int[] ports = RunningJar.freePorts(2);
        try (RunningJar jar = RunningJar.start(dataDir, ports[0], ports[1], "--vitrine.log-format=json")) {
            log = jar.log();
        }
        ObjectMapper json = new ObjectMapper();
        List<String> lines = log.lines().filter(line -> !line.isBlank()).toList();
        List<String> logged = lines.stream()
                // the JVM's own warnings and libvips' (GLib) messages are not the app's logging
                .filter(line -> !line.startsWith("WARNING:") && !line.startsWith("(process:"))
                .toList();
        assertThat(logged).hasSizeGreaterThan(5);
        for (String line : logged) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.path("@timestamp").isTextual()).as(line).isTrue();
            assertThat(entry.path("log").path("level").isTextual() || entry.has("log.level"))
                    .as(line)
                    .isTrue();
            assertThat(entry.path("message").isTextual()).as(line).isTrue();
        }
        assertThat(log).contains("is ready: http://localhost:");
    }
}
