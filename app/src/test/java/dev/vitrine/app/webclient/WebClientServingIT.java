package dev.vitrine.app.webclient;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.app.support.VitrineIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The jar serves the web client at "/", its page routes, and its hashed assets for a year. */
@VitrineIntegrationTest
class WebClientServingIT {

    @Autowired
    WebTestClient http;

    @Test
    void the_printed_url_opens_the_web_app_and_its_page_is_revalidated_every_time() {
        String page = page("/");
        assertThat(page).contains("<div id=\"root\"");
    }

    @Test
    void every_route_of_the_app_answers_its_page_so_a_shared_or_reloaded_url_works() {
        assertThat(page("/galleries/7c1e2f52-0000-4000-8000-000000000000/masonry/images/"
                        + "7c1e2f52-0000-4000-8000-000000000001"))
                .contains("<div id=\"root\"");
        assertThat(page("/signin")).contains("<div id=\"root\"");
    }

    @Test
    void a_share_link_opens_the_share_pages_own_entry_with_its_data_preloaded_and_is_never_stored() {
        String token = "A".repeat(43);
        byte[] body = http.get()
                .uri("/s/" + token)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Cache-Control", "no-store")
                .expectBody()
                .returnResult()
                .getResponseBody();
        String page = new String(body, StandardCharsets.UTF_8);
        Matcher script = Pattern.compile("src=\"(/assets/share-[^\"]+\\.js)\"").matcher(page);
        assertThat(script.find())
                .as("the share page's own script, not the app's: %s", page)
                .isTrue();
        assertThat(page).contains("<link rel=\"preload\" href=\"/api/shared/" + token + "/images\"");
        assertThat(page)
                .as("the early script, which asks for the first photos without waiting for the app's script")
                .containsPattern("<script type=\"module\" async crossorigin src=\"/assets/share-early-[^\"]+\\.js\">");
        assertThat(page("/")).doesNotContain("/assets/share-");
        http.get().uri(script.group(1)).exchange().expectStatus().isOk();
    }

    @Test
    void the_api_is_not_hidden_behind_the_page() {
        expectProblem(
                http.get()
                        .uri("/api/galleries/not-a-uuid")
                        .accept(MediaType.TEXT_HTML)
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "invalid_parameter",
                "galleryId");
    }

    @Test
    void hashed_assets_may_be_kept_for_a_year() {
        Matcher asset = Pattern.compile("/assets/[^\"]+\\.js").matcher(page("/"));
        assertThat(asset.find()).as("the page loads a script from /assets/").isTrue();
        http.get()
                .uri(asset.group())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Cache-Control", "max-age=31536000, public, immutable");
    }

    private String page(String path) {
        byte[] body = http.get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .valueEquals("Cache-Control", "no-cache")
                .expectBody()
                .returnResult()
                .getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }
}
