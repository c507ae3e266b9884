package dev.vitrine.app.query;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryPage;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who sees what: public galleries are listed to everyone, unlisted ones are readable with the id but listed only
 * to their owner, private ones exist only for their owner. Strangers learn nothing of a private gallery.
 */
@VitrineIntegrationTest
class VisibilityIT {

    @Autowired
    WebTestClient http;

    Api api;
    Api.User owner;
    Api.User other;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
        other = api.register();
    }

    @ParameterizedTest
    @EnumSource(Visibility.class)
    void the_owner_sees_and_lists_their_gallery_whatever_its_visibility(Visibility visibility) {
        GalleryView gallery = api.createGallery(owner, "Mine", visibility);

        assertThat(api.gallery(owner, gallery.id()).visibility()).isEqualTo(visibility);
        assertThat(listedTo(owner)).contains(gallery.id());
        api.get(owner, "/api/galleries/" + gallery.id() + "/images")
                .expectStatus()
                .isOk();
    }

    @ParameterizedTest
    @EnumSource(Visibility.class)
    void another_user_and_an_anonymous_visitor_see_what_the_visibility_allows(Visibility visibility) {
        GalleryView gallery = api.createGallery(owner, "Theirs", visibility);
        ImageView image = api.upload(owner, gallery.id(), "Landscape_3.jpg");
        api.awaitImage(owner, gallery.id(), image.id(), i -> i.status() == ImageStatus.PUBLISHED);

        for (Api.User viewer : Arrays.asList(other, null)) {
            boolean readable = visibility != Visibility.PRIVATE;
            boolean listed = visibility == Visibility.PUBLIC;
            var single = api.get(viewer, "/api/galleries/" + gallery.id());
            var images = api.get(viewer, "/api/galleries/" + gallery.id() + "/images");
            var oneImage = api.get(viewer, "/api/galleries/" + gallery.id() + "/images/" + image.id());
            if (readable) {
                single.expectStatus().isOk();
                images.expectStatus().isOk();
                oneImage.expectStatus().isOk();
            } else {
                expectProblem(single, HttpStatus.NOT_FOUND, "gallery_not_found", null);
                expectProblem(images, HttpStatus.NOT_FOUND, "gallery_not_found", null);
                oneImage.expectStatus().isNotFound();
            }
            assertThat(listedTo(viewer).contains(gallery.id())).isEqualTo(listed);
        }
    }

    @ParameterizedTest
    @EnumSource(Visibility.class)
    void a_stranger_may_not_change_a_gallery_and_learns_nothing_of_a_private_one(Visibility visibility) {
        GalleryView gallery = api.createGallery(owner, "Not yours", visibility);
        HttpStatus expected = visibility == Visibility.PRIVATE ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN;

        var rename = http.patch()
                .uri("/api/galleries/" + gallery.id())
                .headers(other::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Taken over"))
                .exchange();
        rename.expectStatus().isEqualTo(expected);
        http.delete()
                .uri("/api/galleries/" + gallery.id())
                .headers(other::sign)
                .exchange()
                .expectStatus()
                .isEqualTo(expected);
        http.patch()
                .uri("/api/galleries/" + gallery.id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Anonymous"))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(api.gallery(owner, gallery.id()).name()).isEqualTo("Not yours");
    }

    @ParameterizedTest
    @EnumSource(Visibility.class)
    void changing_visibility_changes_who_sees_the_gallery(Visibility to) {
        GalleryView gallery = api.createGallery(owner, "Changing", Visibility.PUBLIC);
        http.patch()
                .uri("/api/galleries/" + gallery.id())
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("visibility", to.wireName()))
                .exchange()
                .expectStatus()
                .isOk();

        api.get(null, "/api/galleries/" + gallery.id())
                .expectStatus()
                .isEqualTo(to == Visibility.PRIVATE ? HttpStatus.NOT_FOUND : HttpStatus.OK);
        assertThat(listedTo(null).contains(gallery.id())).isEqualTo(to == Visibility.PUBLIC);
    }

    private List<UUID> listedTo(Api.User viewer) {
        return api
                .get(viewer, "/api/galleries?limit=100")
                .expectStatus()
                .isOk()
                .expectBody(GalleryPage.class)
                .returnResult()
                .getResponseBody()
                .galleries()
                .stream()
                .map(GalleryView::id)
                .toList();
    }
}
