package dev.vitrine.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The fault harness: every scenario of {@link FaultScenarios} against the packaged jar, in each mode, each in a
 * fresh node, data directory and database, while clients upload and visitors read; then one table of what the
 * users got. Machine mode stops and starts the machine's PostgreSQL, RabbitMQ and Redis: never run it beside
 * anything else that uses them. Whatever a scenario took away is brought back in its finally block, and by a
 * shutdown hook if the harness is interrupted.
 *
 * <pre>Faults JAR FIXTURES_DIR WORK_DIR [uploads per scenario] [modes: embedded,machine] [scenarios: all | a,b,…]</pre>
 *
 * Environment: VITRINE_FAULTS_BOUND (s, default 120: how long after recovery every upload has to complete),
 * VITRINE_FAULTS_BURST (the overload's uploads, default 1000), VITRINE_FAULTS_DRAIN_BOUND (s, default 900: how long
 * the overload's backlog may take), VITRINE_FAULTS_OUTAGE (s, default 30: how long RabbitMQ, Redis and S3 stay away).
 */
public final class Faults {

    private static final String LEGEND = """
            *uploads in flight*: uploads not complete when the fault began (those not yet made included), of the \
            scenario's. *complete*: published with 8 variants and a BlurHash, of those confirmed. *duplicates*: images \
            in the gallery the client was never told of, images listed twice, variants listed twice. *lost*: confirmed \
            and not complete within the bound after recovery (their states in the notes). *time to complete after \
            recovery*: from the service back (the node ready, the last restart, the last confirmation for overload \
            and webhook) until the last upload was seen complete (polled each 1–3 s); "(k not complete)" when every \
            upload ended but some not complete. *5xx*: every 5xx any client of the scenario was answered except a \
            503 with Retry-After, counted apart (the client waits as told and asks again). *failed reads*: background \
            visitors' reads not answered 200 (a 503 with Retry-After aside), hung > 10 s, or without an answer \
            (refused while a node is down: a visitor with no other node). *read p99*: of every answered read.""";

    /** What every scenario is given. */
    record Settings(
            Path jar,
            Path fixtures,
            Path work,
            int uploads,
            Duration bound,
            int burst,
            Duration drainBound,
            Duration outage) {}

    public static void main(String[] args) throws Exception {
        // S3Proxy and jclouds log through logback, at DEBUG when nothing configures it
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Settings settings = new Settings(
                Path.of(args[0]).toAbsolutePath(),
                Path.of(args[1]).toAbsolutePath(),
                Path.of(args[2]).toAbsolutePath(),
                args.length > 3 ? Integer.parseInt(args[3]) : 100,
                Duration.ofSeconds(env("VITRINE_FAULTS_BOUND", 120)),
                env("VITRINE_FAULTS_BURST", 1000),
                Duration.ofSeconds(env("VITRINE_FAULTS_DRAIN_BOUND", 900)),
                Duration.ofSeconds(env("VITRINE_FAULTS_OUTAGE", 30)));
        List<Stage.Mode> modes = Arrays.stream((args.length > 4 ? args[4] : "embedded,machine").split(","))
                .map(m -> Stage.Mode.valueOf(m.trim().toUpperCase(Locale.ROOT)))
                .toList();
        FaultScenarios scenarios = new FaultScenarios(settings);
        Map<String, FaultScenarios.Scenario> chosen = new LinkedHashMap<>();
        String selection = args.length > 5 ? args[5] : "all";
        for (Map.Entry<String, FaultScenarios.Scenario> scenario :
                scenarios.all().entrySet()) {
            if (selection.equals("all") || Arrays.asList(selection.split(",")).contains(scenario.getKey())) {
                chosen.put(scenario.getKey(), scenario.getValue());
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no scenario " + selection + "; the scenarios are "
                    + scenarios.all().keySet());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(Faults::restoreEverything));

        List<Row> rows = new ArrayList<>();
        for (Stage.Mode mode : modes) {
            for (Map.Entry<String, FaultScenarios.Scenario> scenario : chosen.entrySet()) {
                rows.add(run(settings, mode, scenario.getKey(), scenario.getValue()));
            }
        }

        String command = "benchmarks/run faults " + settings.uploads() + " "
                + String.join(",", modes.stream().map(Stage.Mode::label).toList())
                + (selection.equals("all") ? "" : " " + selection);
        String report = header(command) + "\n\n" + Row.table(rows) + "\n\n" + LEGEND;
        Files.writeString(settings.work().resolve("faults.md"), report + "\n");
        System.out.println();
        System.out.println(report);
        System.out.println("\n(also in " + settings.work().resolve("faults.md") + "; each scenario's logs under "
                + settings.work().resolve("faults") + ")");
    }

    /** One scenario on a fresh stage; whatever happens, everything it stopped is started again. */
    private static Row run(Settings settings, Stage.Mode mode, String name, FaultScenarios.Scenario scenario) {
        String why = scenario.notApplicable(mode);
        if (why != null) {
            return Row.notApplicable(mode.label(), scenario.title(), why);
        }
        Stage stage = null;
        try {
            stage = new Stage(settings, mode, name);
            stage.journal.say("starting (%s)", scenario.title());
            Row row = scenario.run(stage);
            stage.journal.say("done: %s", row.summary());
            return row;
        } catch (FaultScenarios.NotApplicable e) {
            return Row.notApplicable(mode.label(), scenario.title(), e.getMessage());
        } catch (Exception e) {
            System.out.printf("[%s/%s] FAILED: %s%n", mode.label(), name, e);
            e.printStackTrace(System.out);
            return Row.failed(mode.label(), scenario.title(), e.toString());
        } finally {
            for (Outage outage : List.copyOf(Outage.DOWN)) {
                outage.restore();
            }
            if (stage != null) {
                stage.close();
            }
        }
    }

    /** The shutdown hook: the machine's services back, the nodes stopped. */
    private static void restoreEverything() {
        for (Outage outage : List.copyOf(Outage.DOWN)) {
            outage.restore();
        }
        for (Process process : List.copyOf(FaultNode.LIVE)) {
            process.destroy();
        }
        for (Process process : List.copyOf(FaultNode.LIVE)) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    private static String header(String command) throws Exception {
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .orElse(0L);
        return String.format(
                Locale.ROOT,
                "Fault harness: %d cores (nproc), %.1f GB RAM, JDK %s (%s); %s; `%s`",
                Runtime.getRuntime().availableProcessors(),
                memoryKb / 1024.0 / 1024.0,
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                command);
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
