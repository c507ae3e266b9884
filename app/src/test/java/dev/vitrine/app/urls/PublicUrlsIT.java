package dev.vitrine.app.urls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.sharing.query.ShareLinkView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * With no public address configured, every URL in an answer starts with the scheme and host of the request it
 * answers, a cached answer is never served to a request for another host, a proxy's headers count for nothing
 * unless the operator trusts it, and events carry this node's own address. Never a relative URL.
 */
@VitrineIntegrationTest
class PublicUrlsIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    Api api;
    Api.User owner;
    GalleryView gallery;
    ImageView image;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
        gallery = api.createGallery(owner, "Harbour lights " + owner.username(), Visibility.PUBLIC);
        image = api.upload(owner, gallery.id(), "Landscape_2.jpg");
        api.awaitImage(owner, gallery.id(), image.id(), i -> i.status() == ImageStatus.PUBLISHED);
    }

    @Test
    void a_cached_page_made_for_one_host_is_never_served_to_a_request_for_another() throws Exception {
        String page = "/api/galleries/" + gallery.id() + "/images";
        String first = "photos-a.example.test:" + port;
        AbsoluteUrls.assertAllUnder(read(RawHttp.get(port, page, first)), "http://" + first);
        // the second time from the cache (the anonymous shortcut answers it), still for its own host
        AbsoluteUrls.assertAllUnder(read(RawHttp.get(port, page, first)), "http://" + first);
        String second = "photos-b.example.test:" + port;
        AbsoluteUrls.assertAllUnder(read(RawHttp.get(port, page, second)), "http://" + second);
        AbsoluteUrls.assertAllUnder(read(RawHttp.get(port, page, first)), "http://" + first);
    }

    @Test
    void a_proxys_headers_from_a_client_the_operator_does_not_trust_change_nothing() {
        JsonNode page = get("/api/galleries/" + gallery.id() + "/images", headers -> {
            headers.set("X-Forwarded-Host", "evil.example");
            headers.set("X-Forwarded-Proto", "https");
            headers.set("Forwarded", "host=evil.example;proto=https");
        });
        AbsoluteUrls.assertAllUnder(page, "http://localhost:" + port);
    }

    @Test
    void every_url_the_api_answers_with_is_absolute() {
        String origin = "http://localhost:" + port;
        AbsoluteUrls.assertAllUnder(signed("/api/galleries/" + gallery.id() + "/images/" + image.id()), origin);
        AbsoluteUrls.assertAllUnder(signed("/api/search?q=landscape"), origin);

        ShareLinkView link = api.share(owner, gallery.id(), Map.of());
        assertThat(link.url()).isEqualTo(origin + "/s/" + link.token());
        AbsoluteUrls.assertAllUnder(
                get("/api/shared/" + link.token() + "/images", headers -> {}),
                origin + "/api/shared/" + link.token() + "/media");

        String location = http.post()
                .uri("/api/galleries")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Another", "visibility", "public"))
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
        assertThat(location).startsWith(origin + "/api/galleries/");
    }

    @Test
    void events_carry_this_nodes_own_address_when_none_is_configured() {
        List<JsonNode> variants = variantEvents(port, owner, gallery.id());
        assertThat(variants)
                .hasSize(8)
                .allSatisfy(event ->
                        AbsoluteUrls.assertAllUnder(event.path("data"), "http://localhost:" + port + "/media"));
    }

    private JsonNode get(String uri, Consumer<HttpHeaders> headers) {
        return read(http.get()
                .uri(uri)
                .headers(headers)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private JsonNode signed(String uri) {
        return get(uri, owner::sign);
    }

    /** The gallery's eight variant-generated events, as its owner reads them from the event stream. */
    static List<JsonNode> variantEvents(int port, Api.User owner, UUID gallery) {
        return WebClient.create("http://localhost:" + port)
                .get()
                .uri("/api/events/stream?after=0&galleryId=" + gallery + "&type=dev.vitrine.image.variant-generated.v1")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(owner::sign)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .filter(event -> event.id() != null)
                .take(8)
                .map(event -> read(event.data()))
                .collectList()
                .block(Duration.ofSeconds(30));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
