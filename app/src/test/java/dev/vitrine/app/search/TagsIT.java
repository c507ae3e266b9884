package dev.vitrine.app.search;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.GalleryTags;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.image.query.TagCount;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Tags against the running app: set by whoever may change the image, counted per gallery, and a filter of the list. */
@VitrineIntegrationTest
class TagsIT {

    @Autowired
    WebTestClient http;

    Api api;
    Api.User owner;
    GalleryView gallery;
    ImageView tram;
    ImageView river;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
        gallery = api.createGallery(owner, "Lisbon", Visibility.PUBLIC);
        tram = published(api.upload(owner, gallery.id(), "Landscape_1.jpg"));
        river = published(api.upload(owner, gallery.id(), "Landscape_2.jpg"));
    }

    @Test
    void tags_are_kept_lower_cased_counted_and_filter_the_list() {
        assertThat(tag(owner, tram, List.of(" Tram ", "Lisbon", "tram")).tags()).containsExactly("tram", "lisbon");
        assertThat(tag(owner, river, List.of("lisbon", "river")).tags()).containsExactly("lisbon", "river");

        GalleryTags tags = get(null, "/api/galleries/" + gallery.id() + "/tags", GalleryTags.class);
        assertThat(tags.tags())
                .containsExactly(new TagCount("lisbon", 2), new TagCount("river", 1), new TagCount("tram", 1));

        String images = "/api/galleries/" + gallery.id() + "/images";
        assertThat(ids(get(null, images + "?tag=TRAM", ImagePage.class))).containsExactly(tram.id());
        ImagePage both = get(null, images + "?tag=lisbon&limit=1", ImagePage.class);
        assertThat(both.pagination().total()).isEqualTo(2);
        assertThat(ids(both)).containsExactly(river.id());
        assertThat(ids(get(
                        null,
                        images + "?tag=lisbon&limit=1&cursor="
                                + both.pagination().cursor(),
                        ImagePage.class)))
                .containsExactly(tram.id());
        assertThat(ids(get(null, images + "?tag=nowhere", ImagePage.class))).isEmpty();

        assertThat(tag(owner, tram, List.of()).tags()).isEmpty();
        assertThat(ids(get(null, images + "?tag=tram", ImagePage.class))).isEmpty();
    }

    @Test
    void only_those_who_may_change_the_image_tag_it_and_bad_tags_are_named() {
        Api.User viewer = api.register();
        api.grantRole(owner, gallery.id(), viewer, "viewer");
        expectProblem(put(viewer, tram, List.of("mine")), HttpStatus.FORBIDDEN, "forbidden", null);
        expectProblem(put(null, tram, List.of("mine")), HttpStatus.UNAUTHORIZED, "unauthenticated", null);
        expectProblem(
                put(owner, tram, List.of("fine", "x".repeat(65))), HttpStatus.BAD_REQUEST, "invalid_field", "tags[1]");
        expectProblem(put(owner, tram, List.of("fine", "   ")), HttpStatus.BAD_REQUEST, "invalid_field", "tags[1]");
        assertThat(api.image(owner, gallery.id(), tram.id()).tags()).isEmpty();
    }

    private ImageView published(ImageView uploaded) {
        return api.awaitImage(owner, gallery.id(), uploaded.id(), image -> image.status() == ImageStatus.PUBLISHED);
    }

    private ImageView tag(Api.User who, ImageView image, List<String> tags) {
        return put(who, image, tags)
                .expectStatus()
                .isOk()
                .expectBody(ImageView.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec put(Api.User who, ImageView image, List<String> tags) {
        return http.put()
                .uri("/api/galleries/" + image.galleryId() + "/images/" + image.id() + "/tags")
                .headers(headers -> {
                    if (who != null) {
                        who.sign(headers);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tags)
                .exchange();
    }

    private <T> T get(Api.User who, String uri, Class<T> type) {
        return api.get(who, uri)
                .expectStatus()
                .isOk()
                .expectBody(type)
                .returnResult()
                .getResponseBody();
    }

    private static List<UUID> ids(ImagePage page) {
        return page.images().stream().map(ImageView::id).toList();
    }
}
