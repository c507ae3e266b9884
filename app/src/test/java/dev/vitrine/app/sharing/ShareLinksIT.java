package dev.vitrine.app.sharing;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.sharing.ShareLinkStatus;
import dev.vitrine.api.sharing.ShareTokens;
import dev.vitrine.api.sharing.query.ShareLinkView;
import dev.vitrine.api.sharing.query.UnlockGrant;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Share links against the running app: a link opens a private gallery to anyone holding the token, shows nothing
 * of a password link before the password, and stops — page and image URLs alike — the moment it is revoked or
 * expires. Secrets are stored hashed only.
 */
@VitrineIntegrationTest
class ShareLinksIT {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Api.User owner;
    Api.User other;
    GalleryView gallery;
    ImageView image;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
        other = api.register();
        gallery = api.createGallery(owner, "Lisbon, privately", Visibility.PRIVATE);
        ImageView uploaded = api.upload(owner, gallery.id(), "Landscape_3.jpg");
        image = api.awaitImage(owner, gallery.id(), uploaded.id(), i -> i.status() == ImageStatus.PUBLISHED);
    }

    @Test
    void a_link_opens_a_private_gallery_to_anyone_holding_it_until_it_is_revoked() {
        ShareLinkView link = api.share(owner, gallery.id(), Map.of("label", "family"));

        assertThat(link.token()).hasSize(43);
        assertThat(link.url()).endsWith("/s/" + link.token());
        assertThat(link.status()).isEqualTo(ShareLinkStatus.ACTIVE);
        assertThat(link.passwordProtected()).isFalse();
        assertThat(link.expiresAt())
                .isBetween(
                        Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
        assertThat(jdbc.queryForObject("SELECT token_hash FROM share_link WHERE id = ?", String.class, link.id()))
                .isEqualTo(ShareTokens.hash(link.token()))
                .doesNotContain(link.token());

        GalleryView shared = shared(link.token(), null)
                .expectStatus()
                .isOk()
                .expectBody(GalleryView.class)
                .returnResult()
                .getResponseBody();
        assertThat(shared.name()).isEqualTo("Lisbon, privately");
        ImagePage page = shared(link.token() + "/images", null)
                .expectStatus()
                .isOk()
                .expectBody(ImagePage.class)
                .returnResult()
                .getResponseBody();
        assertThat(page.images()).extracting(ImageView::id).containsExactly(image.id());
        String variant = page.images().getFirst().variants().getFirst().url();
        assertThat(variant).contains("://").contains("/api/shared/" + link.token() + "/media/" + image.id() + "/");
        http.get()
                .uri(variant)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("image/webp")
                .expectHeader()
                .cacheControl(CacheControl.noCache().cachePrivate());
        // the gallery's own routes still know nothing of it for a stranger
        api.get(null, "/api/galleries/" + gallery.id()).expectStatus().isNotFound();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(linksOf(owner, "/api/galleries/" + gallery.id() + "/share-links"))
                        .singleElement()
                        .satisfies(listed -> {
                            assertThat(listed.token()).isNull();
                            assertThat(listed.label()).isEqualTo("family");
                            assertThat(listed.views()).isEqualTo(1);
                        }));
        assertThat(linksOf(owner, "/api/share-links"))
                .extracting(ShareLinkView::id)
                .contains(link.id());
        assertThat(linksOf(other, "/api/share-links")).isEmpty();

        http.delete()
                .uri("/api/share-links/" + link.id())
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isNoContent();

        expectProblem(shared(link.token(), null), HttpStatus.GONE, "share_link_revoked", null);
        expectProblem(shared(link.token() + "/images", null), HttpStatus.GONE, "share_link_revoked", null);
        expectProblem(http.get().uri(variant).exchange(), HttpStatus.GONE, "share_link_revoked", null);
        assertThat(linksOf(owner, "/api/share-links"))
                .filteredOn(listed -> listed.id().equals(link.id()))
                .singleElement()
                .extracting(ShareLinkView::status)
                .isEqualTo(ShareLinkStatus.REVOKED);
    }

    @Test
    void a_password_link_tells_nothing_before_the_password_and_opens_by_cookie_or_bearer_after() {
        ShareLinkView link = api.share(owner, gallery.id(), Map.of("password", "sardines", "neverExpires", true));
        assertThat(link.passwordProtected()).isTrue();
        assertThat(link.expiresAt()).isNull();
        assertThat(jdbc.queryForObject("SELECT password_hash FROM share_link WHERE id = ?", String.class, link.id()))
                .doesNotContain("sardines")
                .startsWith("{bcrypt}");

        for (String path : List.of("", "/images")) {
            String body = shared(link.token() + path, null)
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(body)
                    .contains("password_required")
                    .doesNotContain("Lisbon")
                    .doesNotContain(image.id().toString());
        }
        expectProblem(unlock(link.token(), "anchovies"), HttpStatus.UNAUTHORIZED, "password_incorrect", null);

        var unlocked = unlock(link.token(), "sardines")
                .expectStatus()
                .isOk()
                .expectBody(UnlockGrant.class)
                .returnResult();
        UnlockGrant grant = unlocked.getResponseBody();
        String cookie = unlocked.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie)
                .contains("HttpOnly")
                .contains("Path=/api/shared/" + link.token())
                .contains("SameSite=Lax");

        shared(link.token(), "Bearer " + grant.grant()).expectStatus().isOk();
        ImagePage page = http.get()
                .uri("/api/shared/" + link.token() + "/images")
                .cookie("vitrine_share_grant", grant.grant())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ImagePage.class)
                .returnResult()
                .getResponseBody();
        String variant = page.images().getFirst().variants().getFirst().url();
        http.get()
                .uri(variant)
                .cookie("vitrine_share_grant", grant.grant())
                .exchange()
                .expectStatus()
                .isOk();
        expectProblem(http.get().uri(variant).exchange(), HttpStatus.UNAUTHORIZED, "password_required", null);

        // a grant opens its own link only
        ShareLinkView another = api.share(owner, gallery.id(), Map.of("password", "sardines"));
        expectProblem(
                shared(another.token(), "Bearer " + grant.grant()), HttpStatus.UNAUTHORIZED, "password_required", null);
    }

    @Test
    void an_expired_link_answers_410_and_its_image_urls_stop_with_it() {
        ShareLinkView link = api.share(
                owner,
                gallery.id(),
                Map.of("expiresAt", Instant.now().plusSeconds(3).toString()));
        ImagePage page = shared(link.token() + "/images", null)
                .expectStatus()
                .isOk()
                .expectBody(ImagePage.class)
                .returnResult()
                .getResponseBody();
        String variant = page.images().getFirst().variants().getFirst().url();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> expectProblem(shared(link.token(), null), HttpStatus.GONE, "share_link_expired", null));
        expectProblem(http.get().uri(variant).exchange(), HttpStatus.GONE, "share_link_expired", null);
        // integrators hear of the link without anything that opens it, and only the owner does
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT public_type || ' ' || restricted || ' ' || data::text FROM event_log"
                                        + " WHERE gallery_id = ? AND public_type LIKE 'dev.vitrine.share-link.%'",
                                String.class, gallery.id()))
                        .anyMatch(entry -> entry.startsWith("dev.vitrine.share-link.created.v1 true"))
                        .anyMatch(entry -> entry.startsWith("dev.vitrine.share-link.expired.v1 true"))
                        .noneMatch(entry ->
                                entry.contains(link.token()) || entry.contains(ShareTokens.hash(link.token()))));
        // the expiry is in the gallery's history, for its auditors
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                api.get(Api.admin(), "/api/audit/galleries/" + gallery.id() + "/history?limit=100")
                                        .expectStatus()
                                        .isOk()
                                        .expectBody(String.class)
                                        .returnResult()
                                        .getResponseBody())
                        .contains("ShareLinkCreated")
                        .contains("ShareLinkExpired")
                        .doesNotContain(link.token()));
    }

    @Test
    void only_the_galleries_managers_make_review_and_revoke_links_and_bad_requests_are_told_why() {
        ShareLinkView link = api.share(owner, gallery.id(), Map.of());
        GalleryView publicGallery = api.createGallery(owner, "Open", Visibility.PUBLIC);

        // a private gallery does not exist for a stranger; a public one is not theirs to share
        expectProblem(create(other, gallery.id(), Map.of()), HttpStatus.NOT_FOUND, "gallery_not_found", null);
        expectProblem(create(other, publicGallery.id(), Map.of()), HttpStatus.FORBIDDEN, "forbidden", null);
        expectProblem(
                api.get(other, "/api/galleries/" + publicGallery.id() + "/share-links"),
                HttpStatus.FORBIDDEN,
                "forbidden",
                null);
        expectProblem(
                http.delete()
                        .uri("/api/share-links/" + link.id())
                        .headers(other::sign)
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "share_link_not_found",
                null);
        shared(link.token(), null).expectStatus().isOk();

        expectProblem(
                create(owner, gallery.id(), Map.of("expiresAt", "2020-01-01T00:00:00Z")),
                HttpStatus.BAD_REQUEST,
                "invalid_field",
                "expiresAt");
        expectProblem(
                create(
                        owner,
                        gallery.id(),
                        Map.of("expiresAt", Instant.now().plusSeconds(60).toString(), "neverExpires", true)),
                HttpStatus.BAD_REQUEST,
                "invalid_field",
                "neverExpires");
        expectProblem(
                create(owner, gallery.id(), Map.of("password", "abc")),
                HttpStatus.BAD_REQUEST,
                "invalid_field",
                "password");
        expectProblem(
                create(owner, gallery.id(), Map.of("label", "x".repeat(101))),
                HttpStatus.BAD_REQUEST,
                "invalid_field",
                "label");
        expectProblem(shared("not-a-token", null), HttpStatus.NOT_FOUND, "share_link_not_found", null);
        expectProblem(shared("A".repeat(43), null), HttpStatus.NOT_FOUND, "share_link_not_found", null);
        expectProblem(
                http.delete()
                        .uri("/api/share-links/" + UUID.randomUUID())
                        .headers(owner::sign)
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "share_link_not_found",
                null);

        // deleting the gallery ends its links
        http.delete()
                .uri("/api/galleries/" + gallery.id())
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isNoContent();
        expectProblem(shared(link.token(), null), HttpStatus.GONE, "gallery_deleted", null);
    }

    private WebTestClient.ResponseSpec shared(String path, String authorization) {
        return http.get()
                .uri("/api/shared/" + path)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .exchange();
    }

    private WebTestClient.ResponseSpec unlock(String token, String password) {
        return http.post()
                .uri("/api/shared/" + token + "/unlock")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", password))
                .exchange();
    }

    private WebTestClient.ResponseSpec create(Api.User who, UUID galleryId, Map<String, Object> body) {
        return http.post()
                .uri("/api/galleries/" + galleryId + "/share-links")
                .headers(who::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private List<ShareLinkView> linksOf(Api.User who, String uri) {
        return http.get()
                .uri(uri)
                .headers(who::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<ShareLinkView>>() {})
                .returnResult()
                .getResponseBody();
    }
}
