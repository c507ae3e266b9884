package dev.vitrine.app.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vitrine.api.audit.ChainVerification;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * {@code java -jar vitrine.jar audit verify [--gallery=ID] [--url=http://localhost:8080] [--user=…] [--password=…]}:
 * asks a running Vitrine to recompute the hash chain of a gallery's events (or of the whole log, checkpoints
 * included) and prints what it found. Exit status: 0 intact, 1 a broken link, 2 failed. The account must be an
 * auditor or administrator; it defaults to VITRINE_ADMIN_USERNAME and VITRINE_ADMIN_PASSWORD.
 */
public final class AuditCommand {

    private AuditCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || !args[0].equals("verify")) {
            out.println(
                    "usage: audit verify [--gallery=ID] [--url=http://localhost:8080] [--user=NAME] [--password=SECRET]");
            return 2;
        }
        Optional<CommandOptions> parsed = CommandOptions.parse(args, 1);
        if (parsed.isEmpty()) {
            out.println("audit: arguments are --name=value");
            return 2;
        }
        CommandOptions options = parsed.get();
        String gallery = options.get("gallery");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(options.base()
                                            .resolve("/api/audit/verify"
                                                    + (gallery == null ? "" : "?galleryId=" + gallery)))
                                    .header("Authorization", options.authorization())
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                out.println("audit: Vitrine answered " + answer.statusCode() + ": " + answer.body());
                return 2;
            }
            ChainVerification report = JsonMapper.builder()
                    .findAndAddModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(answer.body(), ChainVerification.class);
            return print(report, out);
        } catch (IOException | RuntimeException e) {
            out.println("audit: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static int print(ChainVerification report, PrintStream out) {
        out.printf(
                "Checked %,d events of %,d aggregates%s%s.%n",
                report.events(),
                report.aggregates(),
                report.galleryId() == null
                        ? " and " + report.checkpoints() + " checkpoints"
                        : " of gallery " + report.galleryId(),
                report.unchained() > 0 ? " (" + report.unchained() + " written before events were chained)" : "");
        if (report.intact()) {
            out.println("Intact: every event is the one that was written.");
            return 0;
        }
        var broken = report.firstBroken();
        out.printf(
                "BROKEN: %s%n  aggregate %s, event %s (sequence %s, global index %s, log position %s)%n",
                broken.problem(),
                broken.aggregateId(),
                broken.eventId(),
                broken.sequenceNumber(),
                broken.globalIndex(),
                broken.position());
        return 1;
    }
}
