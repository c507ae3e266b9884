package dev.vitrine.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** A scenario's own record of what the harness did and saw (harness.log beside the app's logs); steps also on stdout. */
final class Journal {

    private final String prefix;
    private final Path file;

    Journal(String prefix, Path file) {
        this.prefix = prefix;
        this.file = file;
    }

    /** A step: on the console and in the file. */
    void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.printf("[%s] %s%n", prefix, line);
        note(line);
    }

    /** A detail: in the file only. */
    synchronized void note(String line) {
        try {
            Files.writeString(
                    file,
                    LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
