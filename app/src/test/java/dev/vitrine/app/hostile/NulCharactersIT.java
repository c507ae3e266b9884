package dev.vitrine.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A NUL character (JSON "\\u0000") in each free-text field of a write: refused with a 4xx, or kept and shown back,
 * never a 5xx, a lost write or a stuck projection. PostgreSQL's text and jsonb cannot hold a NUL: before the text
 * fields refused control characters ({@code PlainText}), a NUL in a gallery's name was accepted into an event that
 * the read model and the integration log then retried for ever, stopping them for every gallery.
 */
@VitrineIntegrationTest
class NulCharactersIT {

    private static final Logger log = LoggerFactory.getLogger(NulCharactersIT.class);

    @Autowired
    WebTestClient http;

    Api api;
    Api.User owner;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
    }

    /** A write with a NUL in a text field; {@code echoed}: a 2xx answer shows that field back. */
    record NulWrite(HttpMethod method, String uri, String body, boolean echoed) {}

    @Test
    void a_nul_character_in_a_text_field_is_refused_or_kept_never_a_5xx() {
        GalleryView gallery = api.createGallery(owner, "NUL", Visibility.PUBLIC);
        ImageView image = api.upload(owner, gallery.id(), "Landscape_6.jpg", "image/jpeg");
        String galleryUri = "/api/galleries/" + gallery.id();
        List<NulWrite> writes = List.of(
                new NulWrite(HttpMethod.POST, "/api/galleries", "{\"name\": \"tab\\u0000le\"}", true),
                new NulWrite(
                        HttpMethod.POST,
                        "/api/galleries",
                        "{\"name\": \"ok\", \"description\": \"nul \\u0000 inside\"}",
                        true),
                new NulWrite(HttpMethod.PATCH, galleryUri, "{\"description\": \"nul \\u0000 inside\"}", true),
                new NulWrite(
                        HttpMethod.PATCH,
                        galleryUri + "/images/" + image.id(),
                        "{\"alt\": \"nul \\u0000 inside\"}",
                        true),
                new NulWrite(
                        HttpMethod.POST,
                        "/api/accounts",
                        "{\"username\": \"nul" + UUID.randomUUID().toString().substring(0, 8)
                                + "\", \"password\": \"pass\\u0000word-long\"}",
                        false),
                new NulWrite(HttpMethod.POST, "/api/webhooks", "{\"url\": \"http://a\\u0000b.example/hook\"}", true));
        List<String> failures = new ArrayList<>();
        for (NulWrite write : writes) {
            var answer = http.method(write.method())
                    .uri(write.uri())
                    .headers(owner::sign)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(write.body())
                    .exchange()
                    .expectBody(String.class)
                    .returnResult();
            int status = answer.getStatus().value();
            String text = String.valueOf(answer.getResponseBody());
            log.info("NUL in {} {}: {} {}", write.method(), write.uri(), status, abbreviate(text));
            boolean lost = status < 400 && write.echoed() && !text.contains("\\u0000");
            if (status >= 500 || lost) {
                failures.add(write.method() + " " + write.uri() + " " + write.body() + " -> " + status + " "
                        + abbreviate(text));
            }
        }
        assertThat(failures)
                .as("a NUL is refused (4xx) or kept and shown back (2xx), never a 5xx")
                .isEmpty();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
    }
}
