package dev.vitrine.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.BrowserSession;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A web session says only who signed in; what they may do is the account's now. Sessions live in PostgreSQL and
 * end with the account's password or the account itself.
 */
@VitrineIntegrationTest
class SessionsIT {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_role_taken_back_is_gone_from_a_session_that_stays_active() {
        Api api = new Api(http);
        Api.User auditor = api.registerAuditor();
        BrowserSession session = BrowserSession.signIn(http, auditor.username(), auditor.password());
        assertThat(session.get("/api/audit/verify")).isEqualTo(200);

        http.delete()
                .uri("/api/admin/accounts/" + auditor.username() + "/roles/auditor")
                .headers(Api.admin()::sign)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(session.get("/api/audit/verify"))
                .as("the same session, after the role was taken back")
                .isEqualTo(403);
        assertThat(session.get("/api/me")).isEqualTo(200);
    }

    @Test
    void a_changed_password_ends_the_accounts_other_sessions_and_keeps_this_one() {
        Api.User user = new Api(http).register();
        BrowserSession here = BrowserSession.signIn(http, user.username(), user.password());
        BrowserSession elsewhere = BrowserSession.signIn(http, user.username(), user.password());

        here.write(
                        HttpMethod.PUT,
                        "/api/me/password",
                        Map.of("currentPassword", user.password(), "newPassword", "a-brand-new-password"))
                .expectStatus()
                .isNoContent();

        assertThat(here.get("/api/me")).isEqualTo(200);
        assertThat(elsewhere.get("/api/me")).isEqualTo(401);
        BrowserSession.signIn(http, user.username(), "a-brand-new-password");
    }

    @Test
    void a_wrong_current_password_changes_nothing() {
        Api.User user = new Api(http).register();
        BrowserSession here = BrowserSession.signIn(http, user.username(), user.password());
        here.write(
                        HttpMethod.PUT,
                        "/api/me/password",
                        Map.of("currentPassword", "not-the-password", "newPassword", "a-brand-new-password"))
                .expectStatus()
                .isBadRequest();
        BrowserSession.signIn(http, user.username(), user.password());
    }

    @Test
    void a_deleted_account_has_no_session_and_no_gallery_left() {
        Api api = new Api(http);
        Api.User user = api.register();
        GalleryView gallery = api.createGallery(user, "Mine", Visibility.PUBLIC);
        BrowserSession session = BrowserSession.signIn(http, user.username(), user.password());

        session.write(HttpMethod.DELETE, "/api/me", null).expectStatus().isNoContent();

        assertThat(session.get("/api/me")).isEqualTo(401);
        assertThat(session.get("/api/galleries/" + gallery.id())).isEqualTo(404);
        http.get()
                .uri("/api/galleries/" + gallery.id())
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get().uri("/api/me").headers(user::sign).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void an_account_keeps_ten_sessions_at_most_the_oldest_end_first() {
        Api.User user = new Api(http).register();
        List<BrowserSession> sessions = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            sessions.add(BrowserSession.signIn(http, user.username(), user.password()));
        }
        assertThat(sessions.getFirst().get("/api/me")).as("the oldest").isEqualTo(401);
        assertThat(sessions.subList(1, 11))
                .allSatisfy(session -> assertThat(session.get("/api/me")).isEqualTo(200));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM spring_session WHERE principal_name = ?", Integer.class, user.username()))
                .isEqualTo(10);
    }
}
