package dev.vitrine.app.search;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.search.query.ImageMatch;
import dev.vitrine.api.search.query.SearchResults;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.fixtures.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Search against the running app: a gallery by a word of its description, an image by its tag, by a word of its
 * file name, by the beginning of a word and by a misspelt one, and only ever what the caller may see. Every word is
 * made up for the test, as other tests' galleries share the database.
 */
@VitrineIntegrationTest
class SearchIT {

    @Autowired
    WebTestClient http;

    Api api;
    Api.User alice;
    Api.User bob;
    String coast;
    String harbour;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        alice = api.register();
        bob = api.register();
        coast = word();
        harbour = word();
    }

    @Test
    void finds_a_gallery_by_a_word_of_its_description_and_an_image_by_tag_prefix_file_name_and_misspelling() {
        GalleryView trip = api.createGallery(alice, "Weekend away", Visibility.PUBLIC);
        api.patchGallery(alice, trip.id(), Map.of("description", "Sunny days along the " + coast + " coast"));
        ImageView boats = published(alice, trip, "boats-" + coast + ".jpg", "Landscape_1.jpg");
        tag(alice, boats, List.of(harbour, "boats"));

        SearchResults byDescription =
                await(null, coast, r -> !r.galleries().isEmpty() && !r.images().isEmpty());
        assertThat(byDescription.galleries()).extracting(GalleryView::id).containsExactly(trip.id());
        assertThat(byDescription.words()).containsExactly(coast);
        // the file name's word finds the image
        assertThat(imageIds(byDescription)).containsExactly(boats.id());

        SearchResults byTag =
                await(null, harbour.toUpperCase(), r -> !r.images().isEmpty());
        ImageMatch match = byTag.images().getFirst();
        assertThat(match.image().id()).isEqualTo(boats.id());
        assertThat(match.galleryName()).isEqualTo("Weekend away");
        assertThat(match.image().blurhash()).isNotBlank();
        assertThat(match.image().variants()).isNotEmpty();

        assertThat(imageIds(search(null, harbour.substring(0, 6)))).containsExactly(boats.id());
        String misspelt = harbour.substring(0, 4) + harbour.substring(5);
        assertThat(imageIds(search(null, misspelt))).containsExactly(boats.id());
        // every word must match
        assertThat(imageIds(search(null, harbour + " boats"))).containsExactly(boats.id());
        assertThat(search(null, harbour + " " + word()).images()).isEmpty();
    }

    @Test
    void never_finds_what_the_caller_may_not_see() {
        GalleryView open = api.createGallery(alice, "Open " + harbour, Visibility.PUBLIC);
        GalleryView secret = api.createGallery(bob, "Secret " + harbour, Visibility.PRIVATE);
        GalleryView unlisted = api.createGallery(bob, "Unlisted " + harbour, Visibility.UNLISTED);
        ImageView shown = published(alice, open, "a.jpg", "Landscape_2.jpg");
        ImageView hidden = published(bob, secret, "b.jpg", "Landscape_3.jpg");
        ImageView byAddress = published(bob, unlisted, "c.jpg", "Landscape_4.jpg");
        tag(alice, shown, List.of(coast));
        tag(bob, hidden, List.of(coast));
        tag(bob, byAddress, List.of(coast));

        SearchResults bobs = await(bob, coast, r -> r.images().size() == 3);
        assertThat(imageIds(bobs)).containsExactlyInAnyOrder(shown.id(), hidden.id(), byAddress.id());
        assertThat(search(bob, harbour).galleries())
                .extracting(GalleryView::id)
                .containsExactlyInAnyOrder(open.id(), secret.id(), unlisted.id());

        for (Api.User stranger : new Api.User[] {null, alice, api.register()}) {
            assertThat(imageIds(search(stranger, coast))).containsExactly(shown.id());
            assertThat(search(stranger, harbour).galleries())
                    .extracting(GalleryView::id)
                    .containsExactly(open.id());
        }

        // shared with alice: now she finds it too, and a viewer sees no place of capture
        api.grantRole(bob, secret.id(), alice, "viewer");
        assertThat(imageIds(search(alice, coast))).containsExactlyInAnyOrder(shown.id(), hidden.id());
        assertThat(search(alice, coast).images())
                .allSatisfy(m -> assertThat(m.image().capture() == null
                                || m.image().capture().location() == null)
                        .isTrue());
        assertThat(imageIds(search(null, coast))).containsExactly(shown.id());
    }

    @Test
    void pages_images_by_cursor_and_refuses_what_is_no_search() {
        GalleryView gallery = api.createGallery(alice, "Pages", Visibility.PUBLIC);
        ImageView first = published(alice, gallery, coast + "-1.jpg", "Landscape_5.jpg");
        ImageView second = published(alice, gallery, coast + "-2.jpg", "Landscape_6.jpg");
        await(null, coast, r -> r.images().size() == 2);

        SearchResults page = search(null, coast + "&limit=1");
        assertThat(page.nextCursor()).isNotNull();
        SearchResults next = search(null, coast + "&limit=1&cursor=" + page.nextCursor());
        assertThat(next.galleries()).isEmpty();
        assertThat(next.nextCursor()).isNull();
        assertThat(List.of(imageIds(page).getFirst(), imageIds(next).getFirst()))
                .containsExactlyInAnyOrder(first.id(), second.id());

        expectProblem(api.get(null, "/api/search"), HttpStatus.BAD_REQUEST, "invalid_field", "q");
        expectProblem(api.get(null, "/api/search?q=--.,"), HttpStatus.BAD_REQUEST, "invalid_field", "q");
        expectProblem(api.get(null, "/api/search?q=a,b,c,d,e,f,g,h,i"), HttpStatus.BAD_REQUEST, "invalid_field", "q");
        expectProblem(
                api.get(null, "/api/search?q=sea&cursor=0.5~x~y"), HttpStatus.BAD_REQUEST, "invalid_field", "cursor");
        expectProblem(api.get(null, "/api/search?q=sea&limit=0"), HttpStatus.BAD_REQUEST, "invalid_field", "limit");
    }

    private static String word() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("w");
        for (int i = 0; i < 11; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private ImageView published(Api.User owner, GalleryView gallery, String filename, String fixture) {
        ImageView uploaded = api.upload(owner, gallery.id(), filename, Fixtures.bytes(fixture), "image/jpeg");
        return api.awaitImage(owner, gallery.id(), uploaded.id(), image -> image.status() == ImageStatus.PUBLISHED);
    }

    private void tag(Api.User who, ImageView image, List<String> tags) {
        http.put()
                .uri("/api/galleries/" + image.galleryId() + "/images/" + image.id() + "/tags")
                .headers(who::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tags)
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The projection writes what search reads a moment after a command is accepted. */
    private SearchResults await(Api.User who, String q, Predicate<SearchResults> expected) {
        SearchResults[] last = new SearchResults[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> expected.test(last[0] = search(who, q)));
        return last[0];
    }

    private SearchResults search(Api.User who, String q) {
        return api.get(who, "/api/search?q=" + q)
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .expectBody(SearchResults.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<UUID> imageIds(SearchResults results) {
        return results.images().stream().map(m -> m.image().id()).toList();
    }
}
