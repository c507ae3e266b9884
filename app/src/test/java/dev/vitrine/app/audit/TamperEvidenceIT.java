package dev.vitrine.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.audit.ChainVerification;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.admin.AuditCommand;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Someone with write access to PostgreSQL changes or removes a stored event: the hash chain, and the log's
 * checkpoints, show where. (A context of its own: it corrupts its database on purpose.)
 */
@VitrineIntegrationTest
@TestPropertySource(properties = "vitrine.audit.checkpoints.interval=500ms")
class TamperEvidenceIT {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void a_rewritten_event_and_a_removed_one_are_found_and_named() {
        Api api = new Api(http);
        Api.User owner = api.register();
        Api.User auditor = api.registerAuditor();
        GalleryView gallery = api.createGallery(owner, "Ledger", Visibility.PUBLIC);
        api.patchGallery(owner, gallery.id(), Map.of("name", "Ledger 2025"));
        api.patchGallery(owner, gallery.id(), Map.of("name", "Ledger 2026"));
        awaitCheckpointCovering(gallery.id(), 3);
        assertThat(verify(auditor, gallery.id()).intact()).isTrue();
        assertThat(verify(auditor, null)).satisfies(whole -> {
            assertThat(whole.intact()).isTrue();
            assertThat(whole.checkpoints()).isPositive();
        });
        assertThat(command(auditor, gallery.id())).startsWith("0\n").contains("Intact");

        // an insider renames the gallery's past: the name it had in 2025 never existed
        String where = "aggregateidentifier = '" + gallery.id() + "' AND sequencenumber = 1";
        byte[] original = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE " + where, byte[].class);
        jdbc.update(
                "UPDATE domainevententry SET payload = ? WHERE " + where,
                new String(original, StandardCharsets.UTF_8)
                        .replace("Ledger 2025", "Nothing to see")
                        .getBytes(StandardCharsets.UTF_8));
        ChainVerification rewritten = verify(auditor, gallery.id());
        assertThat(rewritten.intact()).isFalse();
        assertThat(rewritten.firstBroken().aggregateId()).isEqualTo(gallery.id().toString());
        assertThat(rewritten.firstBroken().sequenceNumber()).isEqualTo(1);
        assertThat(rewritten.firstBroken().problem()).contains("does not match its hash");
        assertThat(verify(auditor, null).intact()).isFalse();
        assertThat(command(auditor, gallery.id())).startsWith("1\n").contains("BROKEN");

        // put back, it checks again; then the last event disappears, which its aggregate's chain cannot see
        jdbc.update("UPDATE domainevententry SET payload = ? WHERE " + where, original);
        assertThat(verify(auditor, null).intact()).isTrue();
        jdbc.update(
                "DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 2",
                gallery.id().toString());
        assertThat(verify(auditor, gallery.id()).intact())
                .as("a removed last event leaves its chain whole")
                .isTrue();
        ChainVerification removed = verify(auditor, null);
        assertThat(removed.intact()).isFalse();
        assertThat(removed.firstBroken().position()).isNotNull();
        assertThat(removed.firstBroken().problem()).contains("checkpoint");
    }

    private void awaitCheckpointCovering(UUID galleryId, int events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Long last = jdbc.queryForObject(
                    "SELECT max(position) FROM event_log WHERE gallery_id = ?", Long.class, galleryId);
            Long covered = jdbc.queryForObject("SELECT max(position) FROM event_log_checkpoint", Long.class);
            Integer logged = jdbc.queryForObject(
                    "SELECT count(*) FROM event_log WHERE gallery_id = ?", Integer.class, galleryId);
            return last != null && covered != null && covered >= last && logged != null && logged == events;
        });
    }

    private ChainVerification verify(Api.User auditor, UUID galleryId) {
        return http.get()
                .uri("/api/audit/verify" + (galleryId == null ? "" : "?galleryId=" + galleryId))
                .headers(auditor::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ChainVerification.class)
                .returnResult()
                .getResponseBody();
    }

    /** The CLI's exit status and what it printed. */
    private String command(Api.User auditor, UUID galleryId) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = AuditCommand.run(
                new String[] {
                    "verify",
                    "--gallery=" + galleryId,
                    "--url=http://localhost:" + port,
                    "--user=" + auditor.username(),
                    "--password=" + auditor.password()
                },
                new PrintStream(printed, true));
        return exit + "\n" + printed.toString(StandardCharsets.UTF_8);
    }
}
