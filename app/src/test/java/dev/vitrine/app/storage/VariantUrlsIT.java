package dev.vitrine.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.query.ImageVariant;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Variants of private and unlisted galleries are reachable only through signed URLs that expire; those of public
 * galleries have stable URLs a CDN may keep forever, which stop working the moment the gallery is no longer public.
 */
@VitrineIntegrationTest
@TestPropertySource(properties = "vitrine.variants.signed-url-validity=3s")
class VariantUrlsIT {

    private static final HttpClient BROWSER = HttpClient.newHttpClient();

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    Api api;
    Api.User owner;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
    }

    @Test
    void a_signed_url_works_before_it_expires_and_not_after() throws Exception {
        GalleryView gallery = api.createGallery(owner, "Private", Visibility.PRIVATE);
        ImageVariant variant = publishedVariant(gallery);
        assertThat(variant.url()).contains("X-Amz-Signature").contains("X-Amz-Expires=3");
        assertThat(fetch(variant.url(), null).statusCode()).isEqualTo(200);

        Thread.sleep(4_000);
        assertThat(fetch(variant.url(), null).statusCode()).isEqualTo(403);
        ImageVariant renewed =
                api.image(owner, gallery.id(), variant(gallery).id()).variants().getFirst();
        assertThat(fetch(renewed.url(), null).statusCode())
                .as("a fresh answer signs anew")
                .isEqualTo(200);
    }

    @Test
    void an_unlisted_gallery_signs_its_urls_too() throws Exception {
        GalleryView gallery = api.createGallery(owner, "Link only", Visibility.UNLISTED);
        ImageVariant variant = publishedVariant(gallery);
        assertThat(variant.url()).contains("X-Amz-Signature");
        assertThat(fetch(variant.url(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_public_url_is_immutable_and_fails_once_the_gallery_turns_private() throws Exception {
        GalleryView gallery = api.createGallery(owner, "Public", Visibility.PUBLIC);
        ImageVariant variant = publishedVariant(gallery);
        assertThat(variant.url())
                .startsWith("http://localhost:" + port + "/media/" + gallery.id() + "/")
                .doesNotContain("X-Amz");
        HttpResponse<byte[]> served = fetch(variant.url(), null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(served.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
        assertThat(served.body()).hasSize((int) variant.bytes());

        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertThat(fetch(variant.url(), etag).statusCode()).isEqualTo(304);

        setVisibility(gallery, "private");
        assertThat(fetch(variant.url(), null).statusCode()).isEqualTo(404);
        ImageVariant nowSigned =
                api.image(owner, gallery.id(), variant(gallery).id()).variants().getFirst();
        assertThat(nowSigned.url()).contains("X-Amz-Signature");

        setVisibility(gallery, "unlisted");
        assertThat(fetch(variant.url(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void the_media_route_serves_variants_only_never_originals() throws Exception {
        GalleryView gallery = api.createGallery(owner, "Public", Visibility.PUBLIC);
        ImageView image = variant(gallery);
        assertThat(fetch("/media/" + gallery.id() + "/" + image.id() + "/original", null)
                        .statusCode())
                .isEqualTo(404);
    }

    private ImageVariant publishedVariant(GalleryView gallery) {
        ImageView image = variant(gallery);
        return api.awaitImage(owner, gallery.id(), image.id(), i -> i.variants().size() == 8)
                .variants()
                .getFirst();
    }

    private ImageView variant(GalleryView gallery) {
        var page = api.images(owner, gallery.id(), 1, 1);
        return page.images().isEmpty()
                ? api.upload(owner, gallery.id(), "Landscape_2.jpg")
                : page.images().getFirst();
    }

    private void setVisibility(GalleryView gallery, String visibility) {
        http.patch()
                .uri("/api/galleries/" + gallery.id())
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("visibility", visibility))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private HttpResponse<byte[]> fetch(String url, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/").resolve(url));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
