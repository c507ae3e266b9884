package dev.vitrine.app.upload;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.fixtures.Fixtures;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Object;

/** An upload from a client's point of view, against the real PostgreSQL and the in-process S3 server. */
@VitrineIntegrationTest
class UploadFlowIT {

    static final String PHOTO = "2569067123_aca715a2ee_o.jpg";

    @Autowired
    WebTestClient http;

    @Autowired
    S3AsyncClient s3;

    Api api;
    Api.User owner;
    GalleryView gallery;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        owner = api.register();
        gallery = api.createGallery(owner, "Trams of Lisbon", Visibility.PUBLIC);
    }

    @Test
    void a_photo_put_to_its_presigned_url_and_confirmed_is_listed_as_processing() throws Exception {
        PresignedUpload upload = api.requestUpload(owner, gallery.id(), PHOTO, "image/jpeg");
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.headers()).containsEntry("Content-Type", "image/jpeg");
        assertThat(upload.expiresAt()).isInTheFuture();

        byte[] photo = Fixtures.bytes(PHOTO);
        assertThat(Api.put(upload, photo, "image/jpeg")).isEqualTo(200);

        ImageView confirmed = api.confirm(owner, upload.uploadId())
                .expectStatus()
                .isAccepted()
                .expectHeader()
                // absolute, under the address the request came to
                .valueMatches(
                        "Location",
                        "http://localhost:\\d+/api/galleries/" + gallery.id() + "/images/" + upload.uploadId())
                .expectBody(ImageView.class)
                .returnResult()
                .getResponseBody();
        assertThat(confirmed.status()).isEqualTo(ImageStatus.PROCESSING);
        assertThat(confirmed.filename()).isEqualTo(PHOTO);
        assertThat(confirmed.uploadedAt()).isNotNull();

        ImagePage listed = api.images(owner, gallery.id(), 1, 20);
        assertThat(listed.images())
                .extracting(ImageView::id, ImageView::status)
                .containsExactly(Tuple.tuple(upload.uploadId(), ImageStatus.PROCESSING));
        assertThat(listed.pagination().total()).isEqualTo(1);

        byte[] stored = s3.getObject(
                        get -> get.bucket("vitrine").key(gallery.id() + "/" + upload.uploadId() + "/original"),
                        AsyncResponseTransformer.toBytes())
                .join()
                .asByteArray();
        assertThat(sha256(stored)).isEqualTo(sha256(photo));
    }

    @Test
    void confirming_before_anything_was_put_is_a_conflict_and_loses_the_upload_to_nothing() {
        PresignedUpload upload = api.requestUpload(owner, gallery.id(), PHOTO, "image/jpeg");

        expectProblem(api.confirm(owner, upload.uploadId()), HttpStatus.CONFLICT, "upload_missing", null);

        assertThat(Api.put(upload, Fixtures.bytes(PHOTO), "image/jpeg")).isEqualTo(200);
        api.confirm(owner, upload.uploadId()).expectStatus().isAccepted();
    }

    @Test
    void an_upload_is_confirmed_once_and_a_retry_answers_the_same_image() {
        ImageView image = api.upload(owner, gallery.id(), PHOTO);

        api.confirm(owner, image.id())
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(image.id().toString());
        assertThat(api.images(owner, gallery.id(), 1, 20).pagination().total()).isEqualTo(1);
    }

    @Test
    void an_unknown_upload_cannot_be_confirmed() {
        expectProblem(api.confirm(owner, UUID.randomUUID()), HttpStatus.NOT_FOUND, "upload_not_found", null);
    }

    @Test
    void only_the_galleries_owner_confirms_its_uploads() {
        PresignedUpload upload = api.requestUpload(owner, gallery.id(), PHOTO, "image/jpeg");
        Api.put(upload, Fixtures.bytes(PHOTO), "image/jpeg");

        // someone else is told there is no such upload, as for anything of a gallery they may not manage
        expectProblem(api.confirm(api.register(), upload.uploadId()), HttpStatus.NOT_FOUND, "upload_not_found", null);
        api.confirm(owner, upload.uploadId()).expectStatus().isAccepted();
    }

    @Test
    void nobody_uploads_into_someone_elses_gallery() {
        Api.User stranger = api.register();
        expectProblem(
                http.post()
                        .uri("/api/uploads")
                        .headers(stranger::sign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of(
                                "filename",
                                PHOTO,
                                "contentType",
                                "image/jpeg",
                                "size",
                                1000,
                                "galleryId",
                                gallery.id().toString()))
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden",
                null);
    }

    @Test
    void the_presigned_url_refuses_another_content_type_than_the_one_signed() {
        PresignedUpload upload = api.requestUpload(owner, gallery.id(), PHOTO, "image/jpeg");

        assertThat(Api.put(upload, Fixtures.bytes(PHOTO), "image/png")).isEqualTo(403);
        expectProblem(api.confirm(owner, upload.uploadId()), HttpStatus.CONFLICT, "upload_missing", null);
    }

    @Test
    void the_presigned_url_refuses_a_body_of_another_size_than_declared() {
        PresignedUpload upload = api.requestUpload(owner, gallery.id(), PHOTO, "image/jpeg");
        byte[] photo = Fixtures.bytes(PHOTO);

        assertThat(Api.put(upload, Arrays.copyOf(photo, photo.length - 1), "image/jpeg"))
                .isEqualTo(403);
    }

    @Test
    void deleting_an_image_and_then_its_gallery_deletes_their_stored_files() {
        ImageView first = api.upload(owner, gallery.id(), PHOTO);
        ImageView second = api.upload(owner, gallery.id(), "Landscape_7.jpg");
        for (ImageView image : List.of(first, second)) {
            api.awaitImage(owner, gallery.id(), image.id(), i -> i.variants().size() == 8);
        }
        assertThat(storedKeys()).hasSize(2 * 9).contains(originalOf(first), originalOf(second));

        http.delete()
                .uri("/api/galleries/" + gallery.id() + "/images/" + first.id())
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isNoContent();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(storedKeys())
                        .hasSize(9)
                        .contains(originalOf(second))
                        .allMatch(key -> key.contains(second.id().toString())));

        http.delete()
                .uri("/api/galleries/" + gallery.id())
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isNoContent();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(storedKeys()).isEmpty());
    }

    /** The stored files of the gallery (the filesystem store also lists its directories, as "…/"; not files). */
    private List<String> storedKeys() {
        return s3.listObjectsV2(list -> list.bucket("vitrine").prefix(gallery.id() + "/")).join().contents().stream()
                .map(S3Object::key)
                .filter(key -> !key.endsWith("/"))
                .toList();
    }

    private String originalOf(ImageView image) {
        return gallery.id() + "/" + image.id() + "/original";
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
