package dev.vitrine.app.search;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.Capture;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.sharing.query.ShareLinkView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.fixtures.Fixtures;
import dev.vitrine.fixtures.Geotagged;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * How and when a photo was taken, read by the worker from the original's EXIF: shown on the image to whoever sees it,
 * except where it was taken, which only the owner and editors see — not anonymous readers of a public gallery,
 * viewers, contributors, nor link holders.
 */
@VitrineIntegrationTest
class CaptureIT {

    @Autowired
    WebTestClient http;

    Api api;
    Api.User owner;
    GalleryView gallery;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
        gallery = api.createGallery(owner, "Lisbon at dusk", Visibility.PUBLIC);
    }

    @Test
    void the_owner_sees_the_camera_and_when_a_photo_was_taken() {
        ImageView uploaded = api.upload(owner, gallery.id(), "Landscape_9.jpg");
        ImageView published =
                api.awaitImage(owner, gallery.id(), uploaded.id(), image -> image.status() == ImageStatus.PUBLISHED);

        Capture capture = published.capture();
        assertThat(capture).isNotNull();
        assertThat(capture.cameraMake()).isEqualTo("Canon");
        assertThat(capture.cameraModel()).isEqualTo("Canon EOS 5D Mark III");
        assertThat(capture.takenAt()).hasToString("2016-07-02T07:34:02");
        assertThat(api.get(owner, "/api/galleries/" + gallery.id() + "/images/" + uploaded.id())
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .as("dates as text, as the contract says")
                .contains("\"takenAt\":\"2016-07-02T07:34:02\"");
    }

    @Test
    void where_a_photo_was_taken_is_for_the_owner_and_editors_only() {
        Api.User editor = api.register();
        Api.User viewer = api.register();
        Api.User contributor = api.register();
        api.grantRole(owner, gallery.id(), editor, "editor");
        api.grantRole(owner, gallery.id(), viewer, "viewer");
        api.grantRole(owner, gallery.id(), contributor, "contributor");
        ImageView uploaded = api.upload(
                owner, gallery.id(), "tram.jpg", Geotagged.jpeg(Fixtures.bytes("Landscape_1.jpg")), "image/jpeg");
        ImageView published =
                api.awaitImage(owner, gallery.id(), uploaded.id(), image -> image.status() == ImageStatus.PUBLISHED);

        Capture seen = published.capture();
        assertThat(seen.takenAt()).isEqualTo(Geotagged.TAKEN_AT);
        assertThat(seen.takenAtOffset()).isEqualTo(ZoneOffset.of(Geotagged.OFFSET));
        assertThat(seen.location()).isNotNull();
        assertThat(seen.location().latitude()).isCloseTo(Geotagged.LATITUDE, within(1e-4));
        assertThat(api.image(editor, gallery.id(), uploaded.id()).capture().location())
                .isEqualTo(seen.location());

        for (Api.User reader : new Api.User[] {null, viewer, contributor}) {
            ImageView image = api.image(reader, gallery.id(), uploaded.id());
            assertThat(image.capture().cameraModel()).isEqualTo(Geotagged.MODEL);
            assertThat(image.capture().location())
                    .as("no location for %s", reader == null ? "an anonymous reader" : reader.username())
                    .isNull();
            ImagePage page = api.images(reader, gallery.id(), 1, 10);
            assertThat(page.images())
                    .singleElement()
                    .satisfies(listed -> assertThat(listed.capture().location()).isNull());
            assertThat(api.get(reader, "/api/galleries/" + gallery.id() + "/images/" + uploaded.id())
                            .expectBody(String.class)
                            .returnResult()
                            .getResponseBody())
                    .doesNotContain(String.valueOf(Geotagged.LATITUDE).substring(0, 5));
        }

        ShareLinkView link = api.share(owner, gallery.id(), Map.of("label", "family"));
        String shared = http.get()
                .uri("/api/shared/" + link.token() + "/images")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(shared).contains(Geotagged.MODEL).doesNotContain("\"latitude\"");
    }

    @Test
    void the_owner_may_show_where_photos_were_taken_to_everyone_and_only_the_owner() {
        Api.User editor = api.register();
        api.grantRole(owner, gallery.id(), editor, "editor");
        ImageView uploaded = api.upload(
                owner, gallery.id(), "tram.jpg", Geotagged.jpeg(Fixtures.bytes("Landscape_1.jpg")), "image/jpeg");
        api.awaitImage(owner, gallery.id(), uploaded.id(), image -> image.status() == ImageStatus.PUBLISHED);
        ShareLinkView link = api.share(owner, gallery.id(), Map.of("label", "family"));
        assertThat(api.image(null, gallery.id(), uploaded.id()).capture().location())
                .isNull();

        expectProblem(
                api.http()
                        .patch()
                        .uri("/api/galleries/" + gallery.id())
                        .headers(editor::sign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("showLocations", true))
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden",
                null);
        assertThat(api.patchGallery(owner, gallery.id(), Map.of("showLocations", true))
                        .showLocations())
                .isTrue();
        assertThat(api.image(null, gallery.id(), uploaded.id())
                        .capture()
                        .location()
                        .latitude())
                .isCloseTo(Geotagged.LATITUDE, within(1e-4));
        assertThat(http.get()
                        .uri("/api/shared/" + link.token() + "/images")
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("\"latitude\"");

        assertThat(api.patchGallery(owner, gallery.id(), Map.of("showLocations", false))
                        .showLocations())
                .isFalse();
        assertThat(api.image(null, gallery.id(), uploaded.id()).capture().location())
                .isNull();
    }

    @Test
    void by_when_taken_newest_first_with_undated_photos_last_and_the_same_pages_by_cursor() {
        ImageView canon2016 = api.upload(owner, gallery.id(), "Landscape_9.jpg");
        ImageView undated = api.upload(owner, gallery.id(), "concert.jpg");
        ImageView phone2026 = api.upload(
                owner, gallery.id(), "tram.jpg", Geotagged.jpeg(Fixtures.bytes("Landscape_1.jpg")), "image/jpeg");
        ImageView undatedToo = api.upload(owner, gallery.id(), "Landscape_2.jpg");
        for (ImageView image : List.of(canon2016, undated, phone2026, undatedToo)) {
            api.awaitImage(owner, gallery.id(), image.id(), seen -> seen.status() == ImageStatus.PUBLISHED);
        }
        String images = "/api/galleries/" + gallery.id() + "/images";

        assertThat(ids(page(null, images + "?sort=taken&limit=10")))
                .containsExactly(phone2026.id(), canon2016.id(), undatedToo.id(), undated.id());
        assertThat(ids(page(null, images + "?limit=10")))
                .as("by upload, as before")
                .containsExactly(undatedToo.id(), phone2026.id(), undated.id(), canon2016.id());

        List<UUID> byCursor = new ArrayList<>();
        String cursor = null;
        do {
            ImagePage one = page(owner, images + "?sort=taken&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            byCursor.addAll(ids(one));
            cursor = one.pagination().cursor();
        } while (cursor != null);
        assertThat(byCursor).containsExactly(phone2026.id(), canon2016.id(), undatedToo.id(), undated.id());
        assertThat(ids(page(owner, images + "?sort=taken&limit=2&page=2")))
                .containsExactly(undatedToo.id(), undated.id());
    }

    private ImagePage page(Api.User viewer, String uri) {
        return api.get(viewer, uri)
                .expectStatus()
                .isOk()
                .expectBody(ImagePage.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<UUID> ids(ImagePage page) {
        return page.images().stream().map(ImageView::id).toList();
    }

    @Test
    void variants_keep_none_of_it() {
        ImageView uploaded = api.upload(
                owner, gallery.id(), "tram.jpg", Geotagged.jpeg(Fixtures.bytes("Landscape_1.jpg")), "image/jpeg");
        ImageView published =
                api.awaitImage(owner, gallery.id(), uploaded.id(), image -> image.status() == ImageStatus.PUBLISHED);
        WebTestClient files = http.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        for (var variant : published.variants()) {
            byte[] bytes = files.get()
                    .uri(variant.url())
                    .headers(owner::sign)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(byte[].class)
                    .returnResult()
                    .getResponseBody();
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                    .as(variant.url())
                    .doesNotContain(Geotagged.MODEL)
                    .doesNotContain("Exif");
        }
    }
}
