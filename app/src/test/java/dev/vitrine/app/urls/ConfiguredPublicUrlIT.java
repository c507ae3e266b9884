package dev.vitrine.app.urls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code VITRINE_PUBLIC_URL} set, answers and events start with it, whatever host a request names and whatever
 * a trusted proxy says.
 */
@VitrineIntegrationTest
@TestPropertySource(
        properties = {"vitrine.public-url=https://photos.example.test", "server.forward-headers-strategy=framework"})
class ConfiguredPublicUrlIT {

    static final String PUBLIC = "https://photos.example.test";

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void answers_and_events_start_with_the_configured_address() throws Exception {
        Api api = new Api(http);
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Configured", Visibility.PUBLIC);
        ImageView image = api.upload(owner, gallery.id(), "Landscape_2.jpg");
        api.awaitImage(owner, gallery.id(), image.id(), i -> i.status() == ImageStatus.PUBLISHED);

        String body = http.get()
                .uri("/api/galleries/" + gallery.id() + "/images")
                .header("X-Forwarded-Host", "proxy.example.test")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        AbsoluteUrls.assertAllUnder(PublicUrlsIT.read(body), PUBLIC + "/media");
        AbsoluteUrls.assertAllUnder(
                PublicUrlsIT.read(RawHttp.get(port, "/api/galleries/" + gallery.id() + "/images", "10.1.2.3")),
                PUBLIC + "/media");

        List<JsonNode> variants = PublicUrlsIT.variantEvents(port, owner, gallery.id());
        assertThat(variants)
                .hasSize(8)
                .allSatisfy(event -> AbsoluteUrls.assertAllUnder(event.path("data"), PUBLIC + "/media"));
    }
}
