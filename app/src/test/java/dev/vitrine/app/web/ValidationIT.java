package dev.vitrine.app.web;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every invalid field of every request is a 400 {error, path, message} whose path names that field. */
@VitrineIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationIT {

    @Autowired
    WebTestClient http;

    Api api;
    Api.User owner;
    GalleryView gallery;
    ImageView image;

    @BeforeAll
    void setUp() {
        api = new Api(http);
        owner = api.register();
        gallery = api.createGallery(owner, "Valid", Visibility.PUBLIC);
        image = api.upload(owner, gallery.id(), "Landscape_4.jpg");
    }

    static String x(int length) {
        return "x".repeat(length);
    }

    Stream<Arguments> invalidBodies() {
        String galleries = "/api/galleries";
        String oneGallery = "/api/galleries/" + gallery.id();
        String oneImage = oneGallery + "/images/" + image.id();
        String upload = "{\"filename\":\"a.jpg\",\"contentType\":\"image/jpeg\",\"size\":1000,\"galleryId\":\""
                + gallery.id() + "\"";
        return Stream.of(
                // register an account
                arguments(HttpMethod.POST, "/api/accounts", "{\"password\":\"long enough\"}", "username"),
                arguments(
                        HttpMethod.POST,
                        "/api/accounts",
                        "{\"username\":\"ab\",\"password\":\"long enough\"}",
                        "username"),
                arguments(
                        HttpMethod.POST,
                        "/api/accounts",
                        "{\"username\":\"" + x(41) + "\",\"password\":\"long enough\"}",
                        "username"),
                arguments(
                        HttpMethod.POST,
                        "/api/accounts",
                        "{\"username\":\"no spaces\",\"password\":\"long enough\"}",
                        "username"),
                arguments(HttpMethod.POST, "/api/accounts", "{\"username\":\"carol\"}", "password"),
                arguments(
                        HttpMethod.POST,
                        "/api/accounts",
                        "{\"username\":\"carol\",\"password\":\"short\"}",
                        "password"),
                arguments(
                        HttpMethod.POST,
                        "/api/accounts",
                        "{\"username\":\"carol\",\"password\":\"" + x(129) + "\"}",
                        "password"),
                arguments(
                        HttpMethod.POST,
                        "/api/accounts",
                        "{\"username\":\"carol\",\"password\":\"long enough\",\"admin\":true}",
                        "admin"),
                // sign in
                arguments(HttpMethod.POST, "/api/session", "{\"password\":\"long enough\"}", "username"),
                arguments(HttpMethod.POST, "/api/session", "{\"username\":\"carol\"}", "password"),
                // create a gallery
                arguments(HttpMethod.POST, galleries, "{}", "name"),
                arguments(HttpMethod.POST, galleries, "{\"name\":\"\"}", "name"),
                arguments(HttpMethod.POST, galleries, "{\"name\":\"   \"}", "name"),
                arguments(HttpMethod.POST, galleries, "{\"name\":\"" + x(101) + "\"}", "name"),
                arguments(
                        HttpMethod.POST,
                        galleries,
                        "{\"name\":\"ok\",\"description\":\"" + x(501) + "\"}",
                        "description"),
                arguments(HttpMethod.POST, galleries, "{\"name\":\"ok\",\"visibility\":\"secret\"}", "visibility"),
                arguments(HttpMethod.POST, galleries, "{\"name\":\"ok\",\"visibilty\":\"public\"}", "visibilty"),
                arguments(HttpMethod.POST, galleries, "{\"name\":[\"ok\"]}", "name"),
                // change a gallery
                arguments(HttpMethod.PATCH, oneGallery, "{\"name\":\"\"}", "name"),
                arguments(HttpMethod.PATCH, oneGallery, "{\"name\":\" \"}", "name"),
                arguments(HttpMethod.PATCH, oneGallery, "{\"name\":\"" + x(101) + "\"}", "name"),
                arguments(HttpMethod.PATCH, oneGallery, "{\"description\":\"" + x(501) + "\"}", "description"),
                arguments(HttpMethod.PATCH, oneGallery, "{\"visibility\":\"everyone\"}", "visibility"),
                arguments(HttpMethod.PATCH, oneGallery, "{\"coverImageId\":\"not-a-uuid\"}", "coverImageId"),
                arguments(
                        HttpMethod.PATCH,
                        oneGallery,
                        "{\"coverImageId\":\"" + UUID.randomUUID() + "\"}",
                        "coverImageId"),
                arguments(HttpMethod.PATCH, oneGallery, "{\"owner\":\"me\"}", "owner"),
                // request an upload
                arguments(
                        HttpMethod.POST,
                        "/api/uploads",
                        "{\"contentType\":\"image/jpeg\",\"size\":1000,\"galleryId\":\"" + gallery.id() + "\"}",
                        "filename"),
                arguments(HttpMethod.POST, "/api/uploads", upload.replace("a.jpg", "") + "}", "filename"),
                arguments(HttpMethod.POST, "/api/uploads", upload.replace("a.jpg", x(256)) + "}", "filename"),
                arguments(HttpMethod.POST, "/api/uploads", upload.replace("a.jpg", "../a.jpg") + "}", "filename"),
                arguments(
                        HttpMethod.POST,
                        "/api/uploads",
                        "{\"filename\":\"a.jpg\",\"size\":1000,\"galleryId\":\"" + gallery.id() + "\"}",
                        "contentType"),
                arguments(
                        HttpMethod.POST,
                        "/api/uploads",
                        upload.replace("image/jpeg", "image/bmp") + "}",
                        "contentType"),
                arguments(
                        HttpMethod.POST,
                        "/api/uploads",
                        upload.replace("image/jpeg", "text/html") + "}",
                        "contentType"),
                arguments(
                        HttpMethod.POST,
                        "/api/uploads",
                        "{\"filename\":\"a.jpg\",\"contentType\":\"image/jpeg\",\"galleryId\":\"" + gallery.id()
                                + "\"}",
                        "size"),
                arguments(HttpMethod.POST, "/api/uploads", upload.replace("1000", "0") + "}", "size"),
                arguments(HttpMethod.POST, "/api/uploads", upload.replace("1000", "-5") + "}", "size"),
                arguments(HttpMethod.POST, "/api/uploads", upload.replace("1000", "52428801") + "}", "size"),
                arguments(HttpMethod.POST, "/api/uploads", upload.replace("1000", "\"big\"") + "}", "size"),
                arguments(
                        HttpMethod.POST,
                        "/api/uploads",
                        "{\"filename\":\"a.jpg\",\"contentType\":\"image/jpeg\",\"size\":1000}",
                        "galleryId"),
                arguments(
                        HttpMethod.POST,
                        "/api/uploads",
                        upload.replace(gallery.id().toString(), "nope") + "}",
                        "galleryId"),
                arguments(HttpMethod.POST, "/api/uploads", upload + ",\"sha256\":\"abc\"}", "sha256"),
                // change an image
                arguments(HttpMethod.PATCH, oneImage, "{\"alt\":\"" + x(201) + "\"}", "alt"),
                arguments(HttpMethod.PATCH, oneImage, "{\"alt\":\"ok\",\"title\":\"no\"}", "title"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> 400 at {3}")
    @MethodSource("invalidBodies")
    void an_invalid_field_is_a_400_naming_it(HttpMethod method, String uri, String body, String path) {
        var response = http.method(method)
                .uri(uri)
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
        expectProblem(response, HttpStatus.BAD_REQUEST, expectedCode(path, body), path);
    }

    private static String expectedCode(String path, String body) {
        return path.equals("coverImageId") && !body.contains("not-a-uuid") ? "cover_not_in_gallery" : "invalid_field";
    }

    Stream<Arguments> invalidParameters() {
        String images = "/api/galleries/" + gallery.id() + "/images";
        return Stream.of(
                arguments("/api/galleries?limit=0", "limit"),
                arguments("/api/galleries?limit=101", "limit"),
                arguments("/api/galleries?limit=ten", "limit"),
                arguments("/api/galleries?cursor=yesterday", "cursor"),
                arguments("/api/galleries?cursor=2026-01-01T00:00:00Z_not-a-uuid", "cursor"),
                arguments(images + "?page=0", "page"),
                arguments(images + "?page=one", "page"),
                arguments(images + "?limit=1000", "limit"),
                arguments(images + "?status=lost", "status"),
                arguments(images + "?sort=sideways", "sort"),
                arguments(images + "?tag=" + "x".repeat(65), "tag"),
                arguments(images + "?sort=taken&cursor=12x", "cursor"),
                arguments(images + "?sort=taken&cursor=~0", "cursor"),
                arguments(images + "?sort=taken&cursor=12", "cursor"),
                arguments("/api/galleries/not-a-uuid", "galleryId"),
                arguments("/api/galleries/" + gallery.id() + "/images/42", "imageId"));
    }

    @ParameterizedTest(name = "GET {0} -> 400 at {1}")
    @MethodSource("invalidParameters")
    void an_invalid_parameter_is_a_400_naming_it(String uri, String path) {
        var response = api.get(owner, uri);
        response.expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo(path)
                .jsonPath("$.message")
                .isNotEmpty()
                .jsonPath("$.error")
                .isNotEmpty();
    }

    @Test
    void an_unknown_gallery_in_an_upload_request_is_a_404_naming_the_field() {
        var response = http.post()
                .uri("/api/uploads")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"filename\":\"a.jpg\",\"contentType\":\"image/jpeg\",\"size\":1000,\"galleryId\":\""
                        + UUID.randomUUID() + "\"}")
                .exchange();
        expectProblem(response, HttpStatus.NOT_FOUND, "gallery_not_found", "galleryId");
    }

    @Test
    void a_body_that_is_not_json_is_a_400() {
        var response = http.post()
                .uri("/api/galleries")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"unfinished")
                .exchange();
        expectProblem(response, HttpStatus.BAD_REQUEST, "malformed_json", null);
    }

    @Test
    void a_missing_body_is_a_400() {
        var response = http.post()
                .uri("/api/galleries")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .exchange();
        expectProblem(response, HttpStatus.BAD_REQUEST, "missing_body", null);
    }

    @Test
    void a_body_of_another_media_type_is_a_415() {
        var response = http.post()
                .uri("/api/galleries")
                .headers(owner::sign)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=x")
                .exchange();
        expectProblem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", null);
    }

    @Test
    void an_unknown_route_is_a_404_in_the_same_shape() {
        expectProblem(api.get(owner, "/api/nothing-here"), HttpStatus.NOT_FOUND, "not_found", null);
    }

    @Test
    void an_invalid_request_id_header_is_a_400_naming_it() {
        var response = http.get()
                .uri("/api/galleries")
                .header("X-Request-Id", "has spaces in it")
                .exchange();
        expectProblem(response, HttpStatus.BAD_REQUEST, "invalid_header", "X-Request-Id");
    }

    @Test
    void a_change_that_leaves_out_a_field_keeps_it_and_null_removes_it() {
        String uri = "/api/galleries/" + gallery.id();
        patchGallery(uri, "{\"description\":\"Kept\"}")
                .jsonPath("$.description")
                .isEqualTo("Kept");
        patchGallery(uri, "{\"name\":\"Valid\"}").jsonPath("$.description").isEqualTo("Kept");
        patchGallery(uri, "{\"description\":null}").jsonPath("$.description").isEmpty();

        String imageUri = uri + "/images/" + image.id();
        patchGallery(imageUri, "{\"alt\":\"A road\"}").jsonPath("$.alt").isEqualTo("A road");
        patchGallery(imageUri, "{}").jsonPath("$.alt").isEqualTo("A road");
        patchGallery(imageUri, "{\"alt\":null}").jsonPath("$.alt").isEmpty();
    }

    private WebTestClient.BodyContentSpec patchGallery(String uri, String body) {
        return http.patch()
                .uri(uri)
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @Test
    void an_empty_change_changes_nothing_and_answers_the_gallery() {
        http.patch()
                .uri("/api/galleries/" + gallery.id())
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Valid");
    }
}
