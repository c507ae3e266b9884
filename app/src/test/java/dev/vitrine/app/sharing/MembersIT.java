package dev.vitrine.app.sharing;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.account.ProfileView;
import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryMember;
import dev.vitrine.api.gallery.query.GalleryMembers;
import dev.vitrine.api.gallery.query.GalleryPage;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.fixtures.Fixtures;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Collaborators against the running app: a membership takes effect the moment the owner is answered (no cached
 * answer from before it is served), each role does what {@link GalleryRole} says and nothing more, and a private
 * gallery stays invisible to everyone else.
 */
@VitrineIntegrationTest
class MembersIT {

    @Autowired
    WebTestClient http;

    Api api;
    Api.User owner;
    Api.User stranger;
    GalleryView gallery;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
        stranger = api.register();
        gallery = api.createGallery(owner, "Family, privately", Visibility.PRIVATE);
    }

    @Test
    void a_contributor_uploads_into_a_private_gallery_shared_with_them_and_a_viewer_cannot() {
        Api.User contributor = api.register();
        Api.User viewer = api.register();
        api.grantRole(owner, gallery.id(), contributor, "contributor");
        api.grantRole(owner, gallery.id(), viewer, "viewer");

        ImageView uploaded = api.upload(contributor, gallery.id(), "Landscape_3.jpg");
        ImageView published = api.awaitImage(
                contributor, gallery.id(), uploaded.id(), image -> image.status() == ImageStatus.PUBLISHED);
        assertThat(api.gallery(owner, gallery.id()).imageCount()).isEqualTo(1);
        assertThat(api.image(viewer, gallery.id(), published.id()).variants()).isNotEmpty();

        expectProblem(
                http.post()
                        .uri("/api/uploads")
                        .headers(viewer::sign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of(
                                "filename",
                                "tbgn2c16.png",
                                "contentType",
                                "image/png",
                                "size",
                                Fixtures.bytes("tbgn2c16.png").length,
                                "galleryId",
                                gallery.id().toString()))
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden",
                null);
    }

    @Test
    void a_contributor_edits_the_images_they_uploaded_and_no_one_elses() {
        Api.User contributor = api.register();
        api.grantRole(owner, gallery.id(), contributor, "contributor");
        ImageView theirs = api.upload(contributor, gallery.id(), "Landscape_3.jpg");
        ImageView owners = api.upload(owner, gallery.id(), "tbgn2c16.png", "image/png");

        patchAlt(contributor, theirs.id(), "Our tram").expectStatus().isOk();
        expectProblem(patchAlt(contributor, owners.id(), "Mine now"), HttpStatus.FORBIDDEN, "forbidden", null);
        expectProblem(
                http.delete()
                        .uri("/api/galleries/" + gallery.id() + "/images/" + owners.id())
                        .headers(contributor::sign)
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden",
                null);
        http.delete()
                .uri("/api/galleries/" + gallery.id() + "/images/" + theirs.id())
                .headers(contributor::sign)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @Test
    void a_membership_takes_effect_at_once_and_ends_when_the_member_leaves() {
        Api.User member = api.register();
        String galleryUri = "/api/galleries/" + gallery.id();
        // asked (and perhaps cached) before the membership: answered as if there were no such gallery
        api.get(member, galleryUri).expectStatus().isNotFound();
        assertThat(shared(member).galleries()).isEmpty();

        GalleryMember granted = api.grantRole(owner, gallery.id(), member, "viewer");
        assertThat(granted.username()).isEqualTo(member.username());
        assertThat(granted.role()).isEqualTo(GalleryRole.VIEWER);

        assertThat(api.gallery(member, gallery.id()).yourRole()).isEqualTo(GalleryRole.VIEWER);
        assertThat(shared(member).galleries()).extracting(GalleryView::id).containsExactly(gallery.id());
        assertThat(api.galleries(member, null, 100).galleries())
                .as("the default listing is public galleries and one's own")
                .extracting(GalleryView::id)
                .doesNotContain(gallery.id());
        assertThat(profile(member).memberships()).singleElement().satisfies(membership -> {
            assertThat(membership.galleryId()).isEqualTo(gallery.id());
            assertThat(membership.galleryName()).isEqualTo("Family, privately");
            assertThat(membership.role()).isEqualTo(GalleryRole.VIEWER);
        });
        api.get(stranger, galleryUri).expectStatus().isNotFound();

        http.delete()
                .uri(galleryUri + "/members/" + member.username())
                .headers(member::sign)
                .exchange()
                .expectStatus()
                .isNoContent();
        api.get(member, galleryUri).expectStatus().isNotFound();
        assertThat(shared(member).galleries()).isEmpty();
        assertThat(profile(member).memberships()).isEmpty();
    }

    @Test
    void only_the_owner_chooses_members_and_only_members_see_who_they_are() {
        Api.User editor = api.register();
        Api.User someone = api.register();
        api.grantRole(owner, gallery.id(), editor, "editor");
        String members = "/api/galleries/" + gallery.id() + "/members/";

        expectProblem(grant(editor, members + someone.username(), "viewer"), HttpStatus.FORBIDDEN, "forbidden", null);
        expectProblem(
                grant(owner, members + "nobody-" + UUID.randomUUID(), "viewer"),
                HttpStatus.NOT_FOUND,
                "account_not_found",
                "username");
        expectProblem(
                grant(owner, members + someone.username(), "owner"), HttpStatus.BAD_REQUEST, "invalid_field", "role");
        expectProblem(
                grant(owner, members + owner.username(), "editor"),
                HttpStatus.BAD_REQUEST,
                "invalid_field",
                "username");
        expectProblem(
                http.delete()
                        .uri(members + someone.username())
                        .headers(owner::sign)
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "member_not_found",
                null);

        GalleryMembers seen = http.get()
                .uri("/api/galleries/" + gallery.id() + "/members")
                .headers(editor::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(GalleryMembers.class)
                .returnResult()
                .getResponseBody();
        assertThat(seen.ownerId()).isEqualTo(owner.id());
        assertThat(seen.members()).extracting(GalleryMember::username).containsExactly(editor.username());

        GalleryView visible = api.createGallery(owner, "Out in the open", Visibility.PUBLIC);
        expectProblem(
                api.get(stranger, "/api/galleries/" + visible.id() + "/members"),
                HttpStatus.FORBIDDEN,
                "forbidden",
                null);
    }

    @Test
    void an_editor_edits_and_shares_the_gallery_but_leaves_its_visibility_and_existence_to_the_owner() {
        Api.User editor = api.register();
        api.grantRole(owner, gallery.id(), editor, "editor");

        assertThat(api.patchGallery(editor, gallery.id(), Map.of("name", "Family album"))
                        .name())
                .isEqualTo("Family album");
        expectProblem(
                http.patch()
                        .uri("/api/galleries/" + gallery.id())
                        .headers(editor::sign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("visibility", "public"))
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden",
                null);
        assertThat(api.share(editor, gallery.id(), Map.of("label", "for grandma"))
                        .token())
                .isNotBlank();
        expectProblem(
                http.delete()
                        .uri("/api/galleries/" + gallery.id())
                        .headers(editor::sign)
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden",
                null);
    }

    private GalleryPage shared(Api.User viewer) {
        return api.get(viewer, "/api/galleries?scope=shared")
                .expectStatus()
                .isOk()
                .expectBody(GalleryPage.class)
                .returnResult()
                .getResponseBody();
    }

    private ProfileView profile(Api.User user) {
        return api.get(user, "/api/me")
                .expectStatus()
                .isOk()
                .expectBody(ProfileView.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec grant(Api.User as, String uri, String role) {
        return http.put()
                .uri(uri)
                .headers(as::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", role))
                .exchange();
    }

    private WebTestClient.ResponseSpec patchAlt(Api.User as, UUID imageId, String alt) {
        return http.patch()
                .uri("/api/galleries/" + gallery.id() + "/images/" + imageId)
                .headers(as::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("alt", alt))
                .exchange();
    }
}
