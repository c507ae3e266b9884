package dev.vitrine.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.query.cache.CacheScope;
import dev.vitrine.query.web.ReadRoutes.CachedRead;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * What cache entry a read request stands for. The controllers and the anonymous shortcut both ask this, so these
 * are the rules of when two requests share an answer and when they never may.
 */
class ReadRoutesTest {

    static final UUID GALLERY = UUID.fromString("0f4e8c2a-51b7-4c8e-9d3b-6a2f1e0c9b87");
    static final UUID IMAGE = UUID.fromString("7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    static final Actor ANONYMOUS = Actor.anonymous();

    static Optional<CachedRead> read(String uri, Actor viewer) {
        return ReadRoutes.of(MockServerHttpRequest.get(uri).build(), viewer, "http://localhost");
    }

    static CachedRead entry(String uri) {
        return read(uri, ANONYMOUS).orElseThrow();
    }

    @Nested
    class Scopes {

        @Test
        void a_list_of_galleries_is_kept_with_every_list_of_galleries() {
            assertThat(entry("/api/galleries").scope()).isEqualTo(CacheScope.GALLERIES);
        }

        @Test
        void a_gallery_its_image_pages_and_its_images_are_kept_with_the_gallery() {
            CacheScope scope = CacheScope.gallery(GALLERY);
            assertThat(entry("/api/galleries/" + GALLERY).scope()).isEqualTo(scope);
            assertThat(entry("/api/galleries/" + GALLERY + "/images").scope()).isEqualTo(scope);
            assertThat(entry("/api/galleries/" + GALLERY + "/images/" + IMAGE).scope())
                    .isEqualTo(scope);
        }
    }

    @Nested
    class SameAnswer {

        @Test
        void an_absent_parameter_is_its_default() {
            assertThat(entry("/api/galleries")).isEqualTo(entry("/api/galleries?limit=20"));
            assertThat(entry("/api/galleries/" + GALLERY + "/images"))
                    .isEqualTo(entry("/api/galleries/" + GALLERY + "/images?page=1&limit=20"));
        }

        @Test
        void a_page_by_cursor_does_not_depend_on_the_page_number() {
            assertThat(entry("/api/galleries/" + GALLERY + "/images?cursor=1500&page=3"))
                    .isEqualTo(entry("/api/galleries/" + GALLERY + "/images?cursor=1500"));
        }

        @Test
        void a_status_is_named_as_the_api_spells_it_in_any_case() {
            assertThat(entry("/api/galleries/" + GALLERY + "/images?status=Rejected"))
                    .isEqualTo(entry("/api/galleries/" + GALLERY + "/images?status=rejected"));
        }
    }

    @Nested
    class DifferentAnswers {

        @Test
        void each_viewer_has_answers_of_their_own() {
            String uri = "/api/galleries/" + GALLERY;
            Actor owner = Actor.user(UUID.randomUUID());
            Actor someoneElse = Actor.user(UUID.randomUUID());
            assertThat(read(uri, owner)).isNotEqualTo(read(uri, ANONYMOUS));
            assertThat(read(uri, owner)).isNotEqualTo(read(uri, someoneElse));
        }

        @Test
        void pages_limits_cursors_and_statuses_are_each_their_own_answer() {
            String images = "/api/galleries/" + GALLERY + "/images";
            assertThat(Set.of(
                            entry(images + "?page=1"),
                            entry(images + "?page=2"),
                            entry(images + "?limit=50"),
                            entry(images + "?cursor=1500"),
                            entry(images + "?status=processing")))
                    .hasSize(5);
        }

        @Test
        void an_answer_made_for_one_origin_is_never_served_to_a_request_for_another() {
            var request = MockServerHttpRequest.get("/api/galleries/" + GALLERY + "/images")
                    .build();
            assertThat(ReadRoutes.of(request, ANONYMOUS, "https://gallery.example.com"))
                    .isNotEqualTo(ReadRoutes.of(request, ANONYMOUS, "http://evil.example"));
        }

        @Test
        void a_gallery_and_its_first_image_page_are_different_answers() {
            assertThat(entry("/api/galleries/" + GALLERY).key())
                    .isNotEqualTo(entry("/api/galleries/" + GALLERY + "/images").key());
        }
    }

    @Nested
    class NoEntry {

        @Test
        void for_anything_but_a_get_of_a_read_route() {
            assertThat(ReadRoutes.of(
                            MockServerHttpRequest.method(HttpMethod.PATCH, "/api/galleries/" + GALLERY)
                                    .build(),
                            ANONYMOUS,
                            "http://localhost"))
                    .isEmpty();
            assertThat(read("/api/galleries/" + GALLERY + "/images/" + IMAGE + "/reprocess", ANONYMOUS))
                    .isEmpty();
            assertThat(read("/api/uploads", ANONYMOUS)).isEmpty();
        }

        @Test
        void for_parameters_the_route_does_not_take_which_the_controller_refuses() {
            assertThat(read("/api/galleries/not-a-uuid", ANONYMOUS)).isEmpty();
            assertThat(read("/api/galleries?limit=twenty", ANONYMOUS)).isEmpty();
            assertThat(read("/api/galleries?cursor=garbage", ANONYMOUS)).isEmpty();
            assertThat(read("/api/galleries/" + GALLERY + "/images?cursor=-4", ANONYMOUS))
                    .isEmpty();
            assertThat(read("/api/galleries/" + GALLERY + "/images?status=sideways", ANONYMOUS))
                    .isEmpty();
        }
    }
}
