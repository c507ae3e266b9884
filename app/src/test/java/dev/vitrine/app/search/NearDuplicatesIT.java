package dev.vitrine.app.search;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.image.query.NearDuplicateGroups;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Near-duplicate review against the running app: the worker fingerprints each upload, and the gallery's owner and
 * editors get the photos that look alike in groups. Landscape_1 and Landscape_3 are one photo stored with two EXIF
 * orientations (upright, the same picture); concert.jpg is another photo.
 */
@VitrineIntegrationTest
class NearDuplicatesIT {

    @Autowired
    WebTestClient http;

    @Test
    void the_same_photo_uploaded_twice_is_one_group_for_its_owner_and_editors_only() {
        Api api = new Api(http);
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Copies", Visibility.PRIVATE);
        ImageView first = published(api, owner, gallery, "Landscape_1.jpg");
        ImageView other = published(api, owner, gallery, "concert.jpg");
        ImageView again = published(api, owner, gallery, "Landscape_3.jpg");

        NearDuplicateGroups groups = duplicates(api, owner, gallery, "");
        assertThat(groups.maxDistance()).isEqualTo(12);
        assertThat(groups.groups()).hasSize(1);
        // newest first, as the gallery lists them
        assertThat(ids(groups.groups().getFirst().images())).containsExactly(again.id(), first.id());
        assertThat(ids(groups.groups().getFirst().images())).doesNotContain(other.id());
        assertThat(groups.groups().getFirst().images().getFirst().variants()).isNotEmpty();

        Api.User editor = api.register();
        api.grantRole(owner, gallery.id(), editor, "editor");
        assertThat(duplicates(api, editor, gallery, "?maxDistance=0").groups()).hasSize(1);
        Api.User viewer = api.register();
        api.grantRole(owner, gallery.id(), viewer, "viewer");
        expectProblem(api.get(viewer, uri(gallery)), HttpStatus.FORBIDDEN, "forbidden", null);
        expectProblem(api.get(api.register(), uri(gallery)), HttpStatus.NOT_FOUND, "gallery_not_found", null);
        expectProblem(api.get(null, uri(gallery)), HttpStatus.UNAUTHORIZED, "unauthenticated", null);
        expectProblem(
                api.get(owner, uri(gallery) + "?maxDistance=65"),
                HttpStatus.BAD_REQUEST,
                "invalid_field",
                "maxDistance");

        // the owner keeps one: the group is gone
        http.delete()
                .uri("/api/galleries/" + gallery.id() + "/images/" + first.id())
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isNoContent();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> duplicates(api, owner, gallery, "").groups().isEmpty());
    }

    private static ImageView published(Api api, Api.User owner, GalleryView gallery, String fixture) {
        ImageView uploaded = api.upload(owner, gallery.id(), fixture);
        return api.awaitImage(owner, gallery.id(), uploaded.id(), image -> image.status() == ImageStatus.PUBLISHED);
    }

    private static String uri(GalleryView gallery) {
        return "/api/galleries/" + gallery.id() + "/duplicates";
    }

    private static NearDuplicateGroups duplicates(Api api, Api.User who, GalleryView gallery, String query) {
        return api.get(who, uri(gallery) + query)
                .expectStatus()
                .isOk()
                .expectBody(NearDuplicateGroups.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<UUID> ids(List<ImageView> images) {
        return images.stream().map(ImageView::id).toList();
    }
}
