package dev.vitrine.app.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.Reads;
import dev.vitrine.app.support.Reads.Read;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reads are answered from the cache once asked, and every write that changes an answer makes the next read
 * fresh: a write's 2xx is never followed by an answer from before it. Run against Redis ({@link ReadCacheIT}) and
 * the in-process cache ({@link LocalReadCacheIT}).
 */
abstract class ReadCacheContract {

    @Autowired
    WebTestClient http;

    Api api;
    Reads reads;
    Api.User owner;
    GalleryView gallery;
    String galleryUri;
    String imagesUri;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        reads = new Reads(http);
        owner = api.register();
        gallery = api.createGallery(owner, "Cached", Visibility.PUBLIC);
        galleryUri = "/api/galleries/" + gallery.id();
        imagesUri = galleryUri + "/images?page=1&limit=10";
    }

    @Test
    void a_second_read_is_a_hit() {
        assertThat(reads.get(null, galleryUri).cache()).isEqualTo("miss");
        Read again = reads.get(null, galleryUri);
        assertThat(again.cache()).isEqualTo("hit");
        assertThat(again.body()).contains("\"name\":\"Cached\"");
    }

    @Test
    void changing_a_gallery_refreshes_the_gallery_and_every_list_of_galleries() {
        warm(galleryUri, null);
        warm("/api/galleries?limit=50", null);
        patch(galleryUri, Map.of("name", "Renamed", "description", "now with words"));
        assertFresh(galleryUri, null, "Renamed");
        assertFresh("/api/galleries?limit=50", null, "Renamed");

        patch(galleryUri, Map.of("visibility", "private"));
        assertThat(reads.get(null, galleryUri).status()).isEqualTo(404);
        assertThat(reads.get(null, "/api/galleries?limit=50").body())
                .doesNotContain(gallery.id().toString());
        assertFresh(galleryUri, owner, "\"visibility\":\"private\"");
    }

    @Test
    void creating_and_deleting_galleries_refreshes_the_lists() {
        warm("/api/galleries?limit=50", owner);
        GalleryView another = api.createGallery(owner, "Another", Visibility.PRIVATE);
        assertFresh("/api/galleries?limit=50", owner, another.id().toString());

        warm(galleryUri, null);
        http.delete()
                .uri(galleryUri)
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(reads.get(null, galleryUri).status()).isEqualTo(404);
        assertThat(reads.get(owner, "/api/galleries?limit=50").body())
                .doesNotContain(gallery.id().toString());
    }

    @Test
    void uploads_their_processing_and_changes_refresh_the_images_and_the_gallery() {
        warm(imagesUri, owner);
        warm(imagesUri, null);
        ImageView image = api.upload(owner, gallery.id(), "Landscape_2.jpg");
        assertFresh(imagesUri, owner, image.id().toString());

        api.awaitImage(owner, gallery.id(), image.id(), i -> i.status() == ImageStatus.PUBLISHED);
        assertThat(reads.get(null, imagesUri).body()).contains(image.id().toString());
        api.awaitImage(owner, gallery.id(), image.id(), i -> i.variants().size() == 8);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.gallery(null, gallery.id()).coverImageId())
                        .isEqualTo(image.id()));

        String imageUri = galleryUri + "/images/" + image.id();
        warm(imageUri, null);
        patch(imageUri, Map.of("alt", "A tram on a hill"));
        assertFresh(imageUri, null, "A tram on a hill");
        assertFresh(imagesUri, null, "A tram on a hill");

        warm(galleryUri, null);
        http.delete()
                .uri(imageUri)
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(reads.get(null, imageUri).status()).isEqualTo(404);
        assertThat(reads.get(null, imagesUri).body()).doesNotContain(image.id().toString());
        assertThat(api.gallery(null, gallery.id()).imageCount()).isZero();
    }

    @Test
    void an_unchanged_answer_is_not_sent_again_and_a_changed_one_has_a_new_tag() {
        Read first = reads.get(null, galleryUri);
        Read revalidated = reads.get(null, galleryUri, first.etag());
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.etag()).isEqualTo(first.etag());

        patch(galleryUri, Map.of("name", "Changed"));
        Read changed = reads.get(null, galleryUri, first.etag());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.etag()).isNotEqualTo(first.etag());
        assertThat(reads.get(null, imagesUri, reads.get(null, imagesUri).etag()).status())
                .isEqualTo(304);
    }

    @Test
    void anonymous_reads_of_public_galleries_may_be_shared_and_everything_else_is_private() {
        assertThat(reads.get(null, galleryUri).cacheControl()).isEqualTo("public, max-age=10");
        assertThat(reads.get(null, "/api/galleries?limit=5").cacheControl()).isEqualTo("public, max-age=10");
        assertThat(reads.get(owner, galleryUri).cacheControl()).isEqualTo("private, no-cache");
        GalleryView unlisted = api.createGallery(owner, "Link only", Visibility.UNLISTED);
        assertThat(reads.get(null, "/api/galleries/" + unlisted.id()).cacheControl())
                .isEqualTo("private, no-cache");
        GalleryView hidden = api.createGallery(owner, "Mine", Visibility.PRIVATE);
        // presigned variant URLs are keys for a while: an answer holding them is never written to disk
        assertThat(reads.get(owner, "/api/galleries/" + hidden.id() + "/images").cacheControl())
                .isEqualTo("private, no-store");
        assertThat(reads.get(null, "/api/galleries/" + unlisted.id() + "/images")
                        .cacheControl())
                .isEqualTo("private, no-store");
    }

    @Test
    void choosing_a_cover_reprocessing_and_rejections_refresh_what_they_change() {
        ImageView first = api.upload(owner, gallery.id(), "Landscape_5.jpg");
        ImageView second = api.upload(owner, gallery.id(), "Landscape_6.jpg");
        api.awaitImage(owner, gallery.id(), first.id(), i -> i.variants().size() == 8);
        api.awaitImage(owner, gallery.id(), second.id(), i -> i.variants().size() == 8);
        UUID other = api.gallery(null, gallery.id()).coverImageId().equals(first.id()) ? second.id() : first.id();

        warm(galleryUri, null);
        warm("/api/galleries?limit=50", null);
        patch(galleryUri, Map.of("coverImageId", other.toString()));
        assertFresh(galleryUri, null, "\"coverImageId\":\"" + other + "\"");
        assertFresh("/api/galleries?limit=50", null, "\"coverImageId\":\"" + other + "\"");

        String imageUri = galleryUri + "/images/" + first.id();
        warm(imageUri, null);
        http.post()
                .uri(imageUri + "/reprocess")
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isAccepted();
        assertThat(reads.get(null, imageUri).cache()).as("after reprocessing").isEqualTo("miss");
        api.awaitImage(
                null,
                gallery.id(),
                first.id(),
                i -> i.variants().size() == 8
                        && i.variants().stream().allMatch(v -> v.url().contains("/g2/")));

        warm(imagesUri + "&status=rejected", owner);
        ImageView broken = api.upload(owner, gallery.id(), "truncated.jpg", "image/jpeg");
        api.awaitImage(owner, gallery.id(), broken.id(), i -> i.status() == ImageStatus.REJECTED);
        assertThat(reads.get(owner, imagesUri + "&status=rejected").body())
                .contains(broken.id().toString())
                .contains("truncated_image");
    }

    @Test
    void an_anonymous_read_answered_from_the_cache_is_the_answer_the_controller_gave() {
        for (String uri : new String[] {galleryUri, imagesUri, "/api/galleries?limit=7"}) {
            var first = http.get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult();
            var again = http.get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult();
            assertThat(first.getResponseHeaders().getFirst("X-Cache")).isEqualTo("miss");
            assertThat(again.getResponseHeaders().getFirst("X-Cache")).isEqualTo("hit");
            assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
            for (String header : new String[] {
                "ETag",
                "Cache-Control",
                "Vary",
                "Content-Type",
                "X-Content-Type-Options",
                "X-Frame-Options",
                "X-XSS-Protection",
                "Referrer-Policy"
            }) {
                assertThat(again.getResponseHeaders().get(header))
                        .as(uri + " " + header)
                        .isNotEmpty()
                        .isEqualTo(first.getResponseHeaders().get(header));
            }
            assertThat(again.getResponseHeaders().getFirst("X-Correlation-Id")).isNotBlank();
            http.get()
                    .uri(uri)
                    .ifNoneMatch(first.getResponseHeaders().getETag())
                    .exchange()
                    .expectStatus()
                    .isNotModified();
        }
        // an odd parameter is the controller's to refuse, cached or not
        reads.get(null, imagesUri);
        assertThat(reads.get(null, galleryUri + "/images?page=0").status()).isEqualTo(400);
    }

    private void warm(String uri, Api.User viewer) {
        reads.get(viewer, uri);
        assertThat(reads.get(viewer, uri).cache()).as("cached: " + uri).isEqualTo("hit");
    }

    private void assertFresh(String uri, Api.User viewer, String expected) {
        Read read = reads.get(viewer, uri);
        assertThat(read.cache()).as("after a write " + uri).isEqualTo("miss");
        assertThat(read.body()).contains(expected);
    }

    private void patch(String uri, Map<String, Object> body) {
        http.patch()
                .uri(uri)
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
