package dev.vitrine.app.support;

import dev.vitrine.api.account.AccountView;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryMember;
import dev.vitrine.api.gallery.query.GalleryPage;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.sharing.query.ShareLinkView;
import dev.vitrine.fixtures.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Vitrine's HTTP API as a test speaks it: real requests to the running app, real PUTs to the S3 server. */
public class Api {

    private static final HttpClient STORAGE = HttpClient.newHttpClient();

    private final WebTestClient http;

    public Api(WebTestClient http) {
        this.http = http;
    }

    public WebTestClient http() {
        return http;
    }

    public record User(String username, String password, UUID id) {
        public void sign(HttpHeaders headers) {
            headers.setBasicAuth(username, password);
        }
    }

    public User register() {
        String username = "u" + UUID.randomUUID().toString().substring(0, 12);
        String password = "pw-" + UUID.randomUUID();
        AccountView account = http.post()
                .uri("/api/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(AccountView.class)
                .returnResult()
                .getResponseBody();
        return new User(username, password, Objects.requireNonNull(account).id());
    }

    public GalleryView createGallery(User owner, String name, Visibility visibility) {
        return http.post()
                .uri("/api/galleries")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "visibility", visibility.wireName()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(GalleryView.class)
                .returnResult()
                .getResponseBody();
    }

    public GalleryView patchGallery(User owner, UUID galleryId, Map<String, Object> changes) {
        return http.patch()
                .uri("/api/galleries/" + galleryId)
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(changes)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(GalleryView.class)
                .returnResult()
                .getResponseBody();
    }

    /** The configured administrator. */
    /** The owner (or an editor) shares the gallery by link; the answer holds the token, once. */
    public ShareLinkView share(User owner, UUID galleryId, Map<String, Object> link) {
        return http.post()
                .uri("/api/galleries/" + galleryId + "/share-links")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(link)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ShareLinkView.class)
                .returnResult()
                .getResponseBody();
    }

    /** The owner shares the gallery with an account (or changes its role): viewer, contributor or editor. */
    public GalleryMember grantRole(User owner, UUID galleryId, User member, String role) {
        return http.put()
                .uri("/api/galleries/" + galleryId + "/members/" + member.username())
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", role))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(GalleryMember.class)
                .returnResult()
                .getResponseBody();
    }

    public static User admin() {
        return new User(TestDatabaseInitializer.ADMIN_USERNAME, TestDatabaseInitializer.ADMIN_PASSWORD, null);
    }

    /** A new account with the auditor role, granted by the administrator. */
    public User registerAuditor() {
        User auditor = register();
        http.put()
                .uri("/api/admin/accounts/" + auditor.username() + "/roles/auditor")
                .headers(admin()::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.roles[?(@ == 'auditor')]")
                .exists();
        return auditor;
    }

    public GalleryView gallery(User viewer, UUID galleryId) {
        return get(viewer, "/api/galleries/" + galleryId)
                .expectStatus()
                .isOk()
                .expectBody(GalleryView.class)
                .returnResult()
                .getResponseBody();
    }

    public GalleryPage galleries(User viewer, String cursor, int limit) {
        String uri = "/api/galleries?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
        return get(viewer, uri)
                .expectStatus()
                .isOk()
                .expectBody(GalleryPage.class)
                .returnResult()
                .getResponseBody();
    }

    public ImagePage images(User viewer, UUID galleryId, int page, int limit) {
        return get(viewer, "/api/galleries/" + galleryId + "/images?page=" + page + "&limit=" + limit)
                .expectStatus()
                .isOk()
                .expectBody(ImagePage.class)
                .returnResult()
                .getResponseBody();
    }

    /** A GET as the user, or anonymously when the user is null. */
    public WebTestClient.ResponseSpec get(User viewer, String uri) {
        return http.get()
                .uri(uri)
                .headers(headers -> {
                    if (viewer != null) {
                        viewer.sign(headers);
                    }
                })
                .exchange();
    }

    public PresignedUpload requestUpload(User owner, UUID galleryId, String fixture, String contentType) {
        return requestUpload(owner, galleryId, fixture, Fixtures.bytes(fixture).length, contentType);
    }

    public PresignedUpload requestUpload(User owner, UUID galleryId, String fixture, long size, String contentType) {
        return http.post()
                .uri("/api/uploads")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "filename",
                        fixture,
                        "contentType",
                        contentType,
                        "size",
                        size,
                        "galleryId",
                        galleryId.toString()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(PresignedUpload.class)
                .returnResult()
                .getResponseBody();
    }

    /** PUTs bytes to a presigned URL as a browser or curl would; answers the storage's HTTP status. */
    public static int put(PresignedUpload upload, byte[] body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(upload.presignedUrl()))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        AtomicReference<Integer> status = new AtomicReference<>();
        HttpResponse.BodyHandler<Void> recordingStatus = response -> {
            status.set(response.statusCode());
            return HttpResponse.BodySubscribers.discarding();
        };
        try {
            return STORAGE.send(request, recordingStatus).statusCode();
        } catch (IOException e) {
            // An S3 server that refuses a body mid-stream may close the connection before its error body ends:
            // the status line it sent is still its answer.
            if (status.get() != null) {
                return status.get();
            }
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public WebTestClient.ResponseSpec confirm(User owner, UUID uploadId) {
        return http.post()
                .uri("/api/uploads/" + uploadId + "/confirm")
                .headers(owner::sign)
                .exchange();
    }

    /** Presign, PUT the fixture's real bytes, confirm: the whole upload as a client does it. */
    public ImageView upload(User owner, UUID galleryId, String fixture, String contentType) {
        return upload(owner, galleryId, fixture, Fixtures.bytes(fixture), contentType);
    }

    /** The whole upload of {@code bytes} under the file name {@code filename}. */
    public ImageView upload(User owner, UUID galleryId, String filename, byte[] bytes, String contentType) {
        PresignedUpload upload = requestUpload(owner, galleryId, filename, bytes.length, contentType);
        int stored = put(upload, bytes, contentType);
        if (stored != HttpStatus.OK.value()) {
            throw new AssertionError("storage refused the presigned PUT: " + stored);
        }
        return confirm(owner, upload.uploadId())
                .expectStatus()
                .isAccepted()
                .expectBody(ImageView.class)
                .returnResult()
                .getResponseBody();
    }

    public ImageView image(User viewer, UUID galleryId, UUID imageId) {
        return get(viewer, "/api/galleries/" + galleryId + "/images/" + imageId)
                .expectStatus()
                .isOk()
                .expectBody(ImageView.class)
                .returnResult()
                .getResponseBody();
    }

    /** Waits (up to a minute) until the image, as its owner sees it, is as expected; answers it then. */
    public ImageView awaitImage(User owner, UUID galleryId, UUID imageId, Predicate<ImageView> expected) {
        AtomicReference<ImageView> last = new AtomicReference<>();
        // a bound for a busy machine (two test JVMs, AVIF encoding): the wait ends as soon as the image is there
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last.set(image(owner, galleryId, imageId));
                    return expected.test(last.get());
                });
        return last.get();
    }

    public ImageView upload(User owner, UUID galleryId, String fixture) {
        return upload(owner, galleryId, fixture, "image/jpeg");
    }
}
