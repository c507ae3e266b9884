package dev.vitrine.app.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vitrine.api.admin.ReadModelDifference;
import dev.vitrine.api.admin.ReadModelRebuildView;
import dev.vitrine.api.admin.RebuildState;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code java -jar vitrine.jar read-model rebuild|verify [--url=http://localhost:8080] [--user=…] [--password=…]}:
 * asks a running Vitrine to rebuild (or only verify) its read model, prints the progress until it is done, then
 * every difference between the rebuilt and the live read model. Exit status: 0 done without differences, 1 done
 * with differences, 2 failed. Credentials default to VITRINE_ADMIN_USERNAME and VITRINE_ADMIN_PASSWORD.
 */
public final class ReadModelCommand {

    private static final Duration POLL = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final PrintStream out;
    private final URI base;
    private final String authorization;

    ReadModelCommand(PrintStream out, URI base, String authorization) {
        this.out = out;
        this.base = base;
        this.authorization = authorization;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || !(args[0].equals("rebuild") || args[0].equals("verify"))) {
            out.println(
                    "usage: read-model rebuild|verify [--url=http://localhost:8080] [--user=NAME] [--password=SECRET]");
            return 2;
        }
        Optional<CommandOptions> options = CommandOptions.parse(args, 1);
        if (options.isEmpty()) {
            out.println("read-model: arguments are --name=value");
            return 2;
        }
        try {
            return new ReadModelCommand(out, options.get().base(), options.get().authorization())
                    .execute(args[0].equals("rebuild"));
        } catch (IOException | RuntimeException e) {
            out.println("read-model: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private int execute(boolean swap) throws IOException, InterruptedException {
        HttpResponse<String> started = send(HttpRequest.newBuilder(base.resolve("/api/admin/read-model/rebuild"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"swap\":" + swap + "}")));
        if (started.statusCode() != 202) {
            out.println("read-model: Vitrine answered " + started.statusCode() + ": " + started.body());
            return 2;
        }
        out.println(swap ? "Rebuilding the read model from the event store…" : "Verifying the read model…");
        ReadModelRebuildView status;
        do {
            Thread.sleep(POLL.toMillis());
            HttpResponse<String> polled = send(HttpRequest.newBuilder(base.resolve("/api/admin/read-model/rebuild"))
                    .GET());
            status = json.readValue(polled.body(), ReadModelRebuildView.class);
            out.println(progress(status));
        } while (status.running());
        return report(status);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String progress(ReadModelRebuildView status) {
        long percent = status.eventsTotal() == 0 ? 100 : 100 * status.eventsDone() / status.eventsTotal();
        String rate = status.eventsPerSecond() == null ? "" : ", %,.0f events/s".formatted(status.eventsPerSecond());
        String eta = status.etaSeconds() == null || status.etaSeconds() == 0
                ? ""
                : ", about %s left"
                        .formatted(Duration.ofSeconds(status.etaSeconds())
                                .toString()
                                .substring(2)
                                .toLowerCase());
        return "  %-10s %,d / %,d events (%d %%)%s%s"
                .formatted(status.state().wireName(), status.eventsDone(), status.eventsTotal(), percent, rate, eta);
    }

    private int report(ReadModelRebuildView status) {
        if (status.state() == RebuildState.FAILED) {
            out.println("Failed: " + status.message());
            return 2;
        }
        long differences = status.differenceCount() == null ? 0 : status.differenceCount();
        out.printf(
                "Compared %,d rows: %,d differences.%n",
                status.comparedRows() == null ? 0 : status.comparedRows(), differences);
        for (ReadModelDifference difference : status.differences()) {
            out.printf(
                    "  %s %s: %s %s%n    live:    %s%n    rebuilt: %s%n",
                    difference.table(),
                    difference.key(),
                    difference.kind(),
                    difference.columns(),
                    difference.live(),
                    difference.rebuilt());
        }
        out.println(status.message());
        return differences == 0 ? 0 : 1;
    }
}
