package dev.vitrine.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.sharing.query.ShareLinkView;
import dev.vitrine.api.sharing.query.UnlockGrant;
import dev.vitrine.api.webhook.WebhookDeliveryView;
import dev.vitrine.api.webhook.WebhookView;
import dev.vitrine.app.security.AuthorizationMatrix.Caller;
import dev.vitrine.app.security.AuthorizationMatrix.Row;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.fixtures.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every operation of the OpenAPI document, called by every kind of caller on a gallery of every visibility, against
 * the running app: each answers the status {@code docs/authorization-matrix.md} says. An operation the document has
 * and the matrix has not fails the test, so a new route cannot ship unclassified. On a difference the failure
 * prints the matrix as observed, to compare (and, once each difference is understood, to copy).
 */
@VitrineIntegrationTest
class AuthorizationMatrixIT {

    static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    /** A public address, accepted at registration; the endpoint is then pointed where nothing is sent. */
    static final String PUBLIC_TARGET = "http://93.184.215.14/hook";

    static final String FIXTURE = "tbgn2c16.png";
    static final String LINK_PASSWORD = "matrix-password";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void every_operation_of_the_openapi_document_has_its_row_and_a_way_to_call_it() {
        Set<String> documented = documentedOperations();
        Set<String> rows = AuthorizationMatrix.read().keySet();
        assertThat(rows)
                .as("operations of the OpenAPI document without a row in " + AuthorizationMatrix.FILE)
                .containsAll(documented);
        assertThat(documented)
                .as("rows of " + AuthorizationMatrix.FILE + " for no operation of the OpenAPI document")
                .containsAll(rows);
        assertThat(calls().keySet()).as("operations this test cannot call yet").containsAll(documented);
    }

    @Test
    void every_caller_gets_what_the_matrix_says_on_every_operation() {
        Map<String, Row> matrix = AuthorizationMatrix.read();
        Map<String, Call> calls = calls();
        Map<Visibility, Scene> shared = new EnumMap<>(Visibility.class);
        Callers sharedCallers = new Callers(api.register(), Api.admin(), api.registerAuditor());
        Map<String, Row> observed = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();

        for (Map.Entry<String, Row> entry : matrix.entrySet()) {
            String operation = entry.getKey();
            Call call = calls.get(operation);
            Row expected = entry.getValue();
            Map<Caller, Map<Visibility, Integer>> statuses = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                Map<Visibility, Integer> byVisibility = new EnumMap<>(Visibility.class);
                for (Visibility visibility : call.visibilities()) {
                    // nobody signed in uses nothing up: a link holder asks on the shared scene, whose links it holds
                    Scene scene = call.freshScene() && !caller.holdsALink()
                            ? new Scene(visibility)
                            : shared.computeIfAbsent(visibility, Scene::new);
                    Callers callers = call.freshCallers() ? freshCallers() : sharedCallers;
                    Api.User who = callers.as(caller, scene);
                    String bearer = caller == Caller.UNLOCKED_LINK ? scene.grant() : null;
                    int status = send(call.request().apply(new Cell(scene, who, caller)), who, bearer);
                    byVisibility.put(visibility, status);
                    Integer wanted = expected.status(caller, visibility);
                    if (wanted == null || wanted != status) {
                        String where = call.perVisibility() ? " on a " + visibility.wireName() + " gallery" : "";
                        differences.add(operation + " as " + caller.label() + where + ": " + status
                                + ", the matrix says " + wanted);
                    }
                }
                statuses.put(caller, byVisibility);
            }
            observed.put(operation, new Row(statuses));
        }

        assertThat(differences)
                .as(
                        "answers that differ from " + AuthorizationMatrix.FILE + "; as observed:%n%s",
                        AuthorizationMatrix.format(observed))
                .isEmpty();
    }

    // ---- how each operation is called --------------------------------------------------------------------------

    /** One request: its method, URI (relative to the app) and JSON body (null: none). */
    record Request(String method, String uri, Object body) {}

    /** The scene it acts on, who calls (null: nobody signed in), and as which column of the matrix. */
    record Cell(Scene scene, Api.User who, Caller caller) {

        /** The token of the scene's link this column holds: the live link for every caller but the link columns. */
        String token() {
            return switch (caller) {
                case LOCKED_LINK, UNLOCKED_LINK -> scene.passwordLink().token();
                case EXPIRED_LINK -> scene.expiredLink().token();
                case REVOKED_LINK -> scene.revokedLink().token();
                default -> scene.liveLink().token();
            };
        }

        String sharedUri() {
            return "/api/shared/" + token();
        }
    }

    /**
     * How to call one operation.
     *
     * @param perVisibility whether it concerns a gallery (it is then called on a gallery of each visibility)
     * @param freshScene whether each call needs its own scene (it uses up what it acts on: a deletion, a confirmation)
     * @param freshCallers whether each call needs its own callers (it acts on the caller's own account)
     */
    record Call(Function<Cell, Request> request, boolean perVisibility, boolean freshScene, boolean freshCallers) {

        List<Visibility> visibilities() {
            return perVisibility ? List.of(Visibility.values()) : List.of(Visibility.PUBLIC);
        }
    }

    private static Call gallery(Function<Cell, Request> request) {
        return new Call(request, true, false, false);
    }

    private static Call galleryUsedUp(Function<Cell, Request> request) {
        return new Call(request, true, true, false);
    }

    private static Call any(Function<Cell, Request> request) {
        return new Call(request, false, false, false);
    }

    private static Call anyUsedUp(Function<Cell, Request> request) {
        return new Call(request, false, true, false);
    }

    private static Call ownAccount(Function<Cell, Request> request) {
        return new Call(request, false, true, true);
    }

    private static Request get(String uri) {
        return new Request("GET", uri, null);
    }

    private Map<String, Call> calls() {
        Map<String, Call> calls = new LinkedHashMap<>();
        // accounts and sessions
        calls.put("POST /api/accounts", any(c -> new Request("POST", "/api/accounts", newAccount())));
        calls.put("GET /api/me", any(c -> get("/api/me")));
        calls.put(
                "PUT /api/me/password",
                ownAccount(c -> new Request(
                        "PUT",
                        "/api/me/password",
                        Map.of(
                                "currentPassword",
                                c.who() == null ? "not-signed-in" : c.who().password(),
                                "newPassword",
                                "renewed-" + UUID.randomUUID()))));
        calls.put("DELETE /api/me", ownAccount(c -> new Request("DELETE", "/api/me", null)));
        calls.put("GET /api/session", any(c -> get("/api/session")));
        // whoever calls signs in as themselves; an anonymous visitor as the owner
        calls.put("POST /api/session", any(c -> {
            Api.User as = c.who() == null ? c.scene().owner : c.who();
            return new Request("POST", "/api/session", Map.of("username", as.username(), "password", as.password()));
        }));
        calls.put("DELETE /api/session", any(c -> new Request("DELETE", "/api/session", null)));
        calls.put(
                "PUT /api/admin/accounts/{username}/roles/{role}",
                anyUsedUp(c -> new Request(
                        "PUT", "/api/admin/accounts/" + c.scene().owner.username() + "/roles/auditor", null)));
        calls.put(
                "DELETE /api/admin/accounts/{username}/roles/{role}",
                anyUsedUp(c -> new Request(
                        "DELETE", "/api/admin/accounts/" + c.scene().owner.username() + "/roles/auditor", null)));

        // galleries
        calls.put("GET /api/galleries", any(c -> get("/api/galleries")));
        calls.put(
                "POST /api/galleries",
                any(c -> new Request("POST", "/api/galleries", Map.of("name", "New", "visibility", "private"))));
        calls.put("GET /api/galleries/{galleryId}", gallery(c -> get(c.scene().galleryUri())));
        calls.put(
                "PATCH /api/galleries/{galleryId}",
                gallery(c -> new Request("PATCH", c.scene().galleryUri(), Map.of("name", "Renamed"))));
        calls.put(
                "DELETE /api/galleries/{galleryId}",
                galleryUsedUp(c -> new Request("DELETE", c.scene().galleryUri(), null)));

        // images
        calls.put(
                "GET /api/galleries/{galleryId}/images",
                gallery(c -> get(c.scene().galleryUri() + "/images")));
        calls.put(
                "GET /api/galleries/{galleryId}/images/{imageId}",
                gallery(c -> get(c.scene().imageUri())));
        calls.put(
                "PATCH /api/galleries/{galleryId}/images/{imageId}",
                gallery(c -> new Request("PATCH", c.scene().imageUri(), Map.of("alt", "Described"))));
        calls.put(
                "PUT /api/galleries/{galleryId}/images/{imageId}/tags",
                gallery(c -> new Request("PUT", c.scene().imageUri() + "/tags", List.of("sea", "lisbon"))));
        calls.put(
                "GET /api/galleries/{galleryId}/tags",
                gallery(c -> get(c.scene().galleryUri() + "/tags")));
        calls.put(
                "GET /api/galleries/{galleryId}/duplicates",
                gallery(c -> get(c.scene().galleryUri() + "/duplicates")));
        // everyone may search; what each finds is SearchIT's to show
        calls.put("GET /api/search", any(c -> get("/api/search?q=lisbon")));
        calls.put(
                "DELETE /api/galleries/{galleryId}/images/{imageId}",
                galleryUsedUp(c -> new Request("DELETE", c.scene().imageUri(), null)));
        calls.put(
                "POST /api/galleries/{galleryId}/images/{imageId}/reprocess",
                galleryUsedUp(c -> new Request("POST", c.scene().imageUri() + "/reprocess", null)));
        calls.put(
                "POST /api/uploads",
                gallery(c -> new Request(
                        "POST",
                        "/api/uploads",
                        Map.of(
                                "filename",
                                FIXTURE,
                                "contentType",
                                "image/png",
                                "size",
                                Fixtures.bytes(FIXTURE).length,
                                "galleryId",
                                c.scene().gallery().id().toString()))));
        calls.put(
                "POST /api/uploads/{uploadId}/confirm",
                galleryUsedUp(c ->
                        new Request("POST", "/api/uploads/" + c.scene().upload().uploadId() + "/confirm", null)));
        calls.put(
                "GET /media/{galleryId}/{imageId}/{generation}/{file}",
                gallery(c -> get(c.scene().mediaUri())));

        // members
        calls.put(
                "PUT /api/galleries/{galleryId}/members/{username}",
                gallery(c -> new Request(
                        "PUT",
                        c.scene().galleryUri() + "/members/"
                                + c.scene().invitee().username(),
                        Map.of("role", "viewer"))));
        calls.put(
                "GET /api/galleries/{galleryId}/members",
                gallery(c -> get(c.scene().galleryUri() + "/members")));
        calls.put(
                "DELETE /api/galleries/{galleryId}/members/{username}",
                galleryUsedUp(c -> new Request(
                        "DELETE",
                        c.scene().galleryUri() + "/members/"
                                + c.scene().invited().username(),
                        null)));

        // sharing
        calls.put(
                "POST /api/galleries/{galleryId}/share-links",
                gallery(c -> new Request("POST", c.scene().galleryUri() + "/share-links", Map.of("label", "matrix"))));
        calls.put(
                "GET /api/galleries/{galleryId}/share-links",
                gallery(c -> get(c.scene().galleryUri() + "/share-links")));
        calls.put("GET /api/share-links", any(c -> get("/api/share-links")));
        calls.put(
                "DELETE /api/share-links/{linkId}",
                galleryUsedUp(c -> new Request(
                        "DELETE", "/api/share-links/" + c.scene().liveLink().id(), null)));
        calls.put("GET /api/shared/{token}", gallery(c -> get(c.sharedUri())));
        calls.put("GET /api/shared/{token}/images", gallery(c -> get(c.sharedUri() + "/images")));
        calls.put(
                "POST /api/shared/{token}/unlock",
                gallery(c -> new Request("POST", c.sharedUri() + "/unlock", Map.of("password", LINK_PASSWORD))));
        calls.put(
                "GET /api/shared/{token}/media/{imageId}/{generation}/{file}",
                gallery(c -> get(c.sharedUri() + "/media/" + c.scene().mediaKeyInGallery())));

        // the event log
        calls.put("GET /api/asyncapi.json", any(c -> get("/api/asyncapi.json")));
        calls.put("GET /api/events/stream", any(c -> get("/api/events/stream")));
        calls.put(
                "GET /api/audit/galleries/{galleryId}/history",
                gallery(c -> get("/api/audit/galleries/" + c.scene().gallery().id() + "/history")));
        calls.put(
                "GET /api/audit/galleries/{galleryId}",
                gallery(c -> get("/api/audit/galleries/" + c.scene().gallery().id())));
        calls.put(
                "GET /api/audit/verify",
                gallery(c ->
                        get("/api/audit/verify?galleryId=" + c.scene().gallery().id())));
        calls.put("GET /api/webhooks", any(c -> get("/api/webhooks")));
        calls.put("POST /api/webhooks", any(c -> new Request("POST", "/api/webhooks", Map.of("url", PUBLIC_TARGET))));
        calls.put("GET /api/webhooks/{webhookId}", any(c -> get(c.scene().webhookUri())));
        calls.put(
                "DELETE /api/webhooks/{webhookId}",
                anyUsedUp(c -> new Request("DELETE", c.scene().webhookUri(), null)));
        calls.put(
                "POST /api/webhooks/{webhookId}/enable",
                any(c -> new Request("POST", c.scene().webhookUri() + "/enable", null)));
        calls.put(
                "GET /api/webhooks/{webhookId}/deliveries",
                any(c -> get(c.scene().webhookUri() + "/deliveries")));
        calls.put(
                "POST /api/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
                any(c -> new Request(
                        "POST",
                        c.scene().webhookUri() + "/deliveries/" + c.scene().delivery() + "/redeliver",
                        null)));

        // operating the read model
        calls.put("GET /api/admin/read-model/rebuild", any(c -> get("/api/admin/read-model/rebuild")));
        calls.put("GET /api/admin/processing", any(c -> get("/api/admin/processing")));
        calls.put("GET /api/processing/backlog", any(c -> get("/api/processing/backlog")));
        calls.put("POST /api/admin/read-model/rebuild", any(c -> {
            if (c.caller() == Caller.ADMIN) {
                awaitNoRebuild();
            }
            return new Request("POST", "/api/admin/read-model/rebuild", Map.of("swap", false));
        }));
        calls.put("GET /api/admin/read-model/dead-letters", any(c -> get("/api/admin/read-model/dead-letters")));
        calls.put(
                "POST /api/admin/read-model/dead-letters/retry",
                any(c -> new Request("POST", "/api/admin/read-model/dead-letters/retry", null)));
        calls.put(
                "DELETE /api/admin/read-model/dead-letters/{galleryId}",
                any(c -> new Request(
                        "DELETE",
                        "/api/admin/read-model/dead-letters/"
                                + c.scene().gallery().id(),
                        null)));
        calls.put(
                "DELETE /api/admin/read-model/dead-letters/{galleryId}/{eventId}",
                any(c -> new Request(
                        "DELETE",
                        "/api/admin/read-model/dead-letters/"
                                + c.scene().gallery().id() + "/" + UUID.randomUUID(),
                        null)));
        return calls;
    }

    private static Map<String, String> newAccount() {
        return Map.of(
                "username", "m" + UUID.randomUUID().toString().substring(0, 12), "password", "pw-" + UUID.randomUUID());
    }

    // ---- who calls, on what ---------------------------------------------------------------------------------------

    /** The callers other than the scene's owner. */
    record Callers(Api.User other, Api.User admin, Api.User auditor) {

        Api.User as(Caller caller, Scene scene) {
            return switch (caller) {
                case ANONYMOUS -> null;
                case OTHER -> other;
                case OWNER -> scene.owner;
                case ADMIN -> admin;
                case AUDITOR -> auditor;
                case VIEWER -> scene.member("viewer");
                case CONTRIBUTOR -> scene.member("contributor");
                case EDITOR -> scene.member("editor");
                case LINK_HOLDER, LOCKED_LINK, UNLOCKED_LINK, EXPIRED_LINK, REVOKED_LINK -> null;
            };
        }
    }

    private Callers freshCallers() {
        Api.User admin = api.register();
        http.put()
                .uri("/api/admin/accounts/" + admin.username() + "/roles/admin")
                .headers(Api.admin()::sign)
                .exchange()
                .expectStatus()
                .isOk();
        return new Callers(api.register(), admin, api.registerAuditor());
    }

    /**
     * An owner with a gallery of one visibility and, made when first asked for, what the operations act on: an image
     * in it, an upload stored and waiting for its confirmation, a published variant, a webhook with a delivery.
     */
    final class Scene {
        final Visibility visibility;
        final Api.User owner;
        private GalleryView gallery;
        private ImageView image;
        private PresignedUpload upload;
        private String media;
        private WebhookView webhook;
        private Long delivery;
        private ShareLinkView liveLink;
        private ShareLinkView passwordLink;
        private String grant;
        private ShareLinkView expiredLink;
        private ShareLinkView revokedLink;
        private final Map<String, Api.User> members = new LinkedHashMap<>();
        private Api.User invitee;
        private boolean invited;

        Scene(Visibility visibility) {
            this.visibility = visibility;
            this.owner = api.register();
        }

        GalleryView gallery() {
            if (gallery == null) {
                gallery = api.createGallery(owner, "Matrix " + visibility.wireName(), visibility);
            }
            return gallery;
        }

        String galleryUri() {
            return "/api/galleries/" + gallery().id();
        }

        /** The gallery's member of this role, made one when first asked for. */
        Api.User member(String role) {
            return members.computeIfAbsent(role, r -> {
                Api.User member = api.register();
                api.grantRole(owner, gallery().id(), member, r);
                return member;
            });
        }

        /** An account that is no member: whom the members routes name. */
        Api.User invitee() {
            if (invitee == null) {
                invitee = api.register();
            }
            return invitee;
        }

        /** The invitee, made a viewer: a member to remove. */
        Api.User invited() {
            if (!invited) {
                api.grantRole(owner, gallery().id(), invitee(), "viewer");
                invited = true;
            }
            return invitee();
        }

        ImageView image() {
            if (image == null) {
                // published: what a processing image answers is the image's rule, not the caller's right
                ImageView uploaded = api.upload(owner, gallery().id(), FIXTURE, "image/png");
                image = api.awaitImage(owner, gallery().id(), uploaded.id(), i -> i.status() == ImageStatus.PUBLISHED);
            }
            return image;
        }

        String imageUri() {
            return galleryUri() + "/images/" + image().id();
        }

        PresignedUpload upload() {
            if (upload == null) {
                upload = api.requestUpload(owner, gallery().id(), FIXTURE, "image/png");
                assertThat(Api.put(upload, Fixtures.bytes(FIXTURE), "image/png"))
                        .isEqualTo(200);
            }
            return upload;
        }

        /** The stable URL of the image's thumbnail: the media route's, whatever the gallery's visibility. */
        String mediaUri() {
            if (media == null) {
                String url = image().variants().getFirst().url();
                String key = url.substring(url.indexOf(gallery().id().toString()));
                media = "/media/" + (key.contains("?") ? key.substring(0, key.indexOf('?')) : key);
            }
            return media;
        }

        /** The key of the thumbnail within its gallery: what a share link's media route names. */
        String mediaKeyInGallery() {
            return mediaUri().substring(("/media/" + gallery().id() + "/").length());
        }

        ShareLinkView liveLink() {
            if (liveLink == null) {
                liveLink = api.share(owner, gallery().id(), Map.of());
            }
            return liveLink;
        }

        ShareLinkView passwordLink() {
            if (passwordLink == null) {
                passwordLink = api.share(owner, gallery().id(), Map.of("password", LINK_PASSWORD));
            }
            return passwordLink;
        }

        /** What the right password of the password link gives, sent as {@code Authorization: Bearer}. */
        String grant() {
            if (grant == null) {
                grant = http.post()
                        .uri("/api/shared/" + passwordLink().token() + "/unlock")
                        .bodyValue(Map.of("password", LINK_PASSWORD))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(UnlockGrant.class)
                        .returnResult()
                        .getResponseBody()
                        .grant();
            }
            return grant;
        }

        ShareLinkView expiredLink() {
            if (expiredLink == null) {
                ShareLinkView link = api.share(
                        owner,
                        gallery().id(),
                        Map.of("expiresAt", Instant.now().plusSeconds(2).toString()));
                Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> send(get("/api/shared/" + link.token()), null, null) == 410);
                expiredLink = link;
            }
            return expiredLink;
        }

        ShareLinkView revokedLink() {
            if (revokedLink == null) {
                ShareLinkView link = api.share(owner, gallery().id(), Map.of());
                http.delete()
                        .uri("/api/share-links/" + link.id())
                        .headers(owner::sign)
                        .exchange()
                        .expectStatus()
                        .isNoContent();
                revokedLink = link;
            }
            return revokedLink;
        }

        /** The owner's endpoint, pointed at a documentation address: deliveries are recorded, nothing is sent. */
        String webhookUri() {
            if (webhook == null) {
                webhook = http.post()
                        .uri("/api/webhooks")
                        .headers(owner::sign)
                        .bodyValue(Map.of(
                                "url",
                                PUBLIC_TARGET,
                                "galleryId",
                                gallery().id().toString()))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(WebhookView.class)
                        .returnResult()
                        .getResponseBody();
                jdbc.update("UPDATE webhook SET url = 'http://192.0.2.10/hook' WHERE id = ?", webhook.id());
            }
            return "/api/webhooks/" + webhook.id();
        }

        Long delivery() {
            if (delivery == null) {
                String uri = webhookUri() + "/deliveries";
                api.patchGallery(owner, gallery().id(), Map.of("name", "Delivered"));
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> !deliveries(uri).isEmpty());
                delivery = deliveries(uri).getFirst().id();
            }
            return delivery;
        }

        private List<WebhookDeliveryView> deliveries(String uri) {
            return http.get()
                    .uri(uri)
                    .headers(owner::sign)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(new ParameterizedTypeReference<List<WebhookDeliveryView>>() {})
                    .returnResult()
                    .getResponseBody();
        }
    }

    // ---- plumbing -------------------------------------------------------------------------------------------------

    /**
     * Sends the request, signed with Basic credentials when someone calls, with a share link's grant as Bearer when
     * one is given; answers the status only.
     */
    private int send(Request request, Api.User who, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.uri()))
                .timeout(Duration.ofSeconds(60));
        if (who != null) {
            String credentials = who.username() + ":" + who.password();
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        try {
            if (request.body() != null) {
                builder.header("Content-Type", "application/json");
                builder.method(
                        request.method(),
                        HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request.body())));
            } else {
                builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
            }
            // an event stream answers its status at once and never ends: the status is all this test reads
            HttpResponse<InputStream> response =
                    CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                    body.readAllBytes();
                }
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitNoRebuild() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var answer = api.get(Api.admin(), "/api/admin/read-model/rebuild")
                            .expectBody(String.class)
                            .returnResult();
                    if (answer.getStatus().value() == 404) {
                        return true;
                    }
                    String state = JSON.readTree(answer.getResponseBody())
                            .path("state")
                            .asText();
                    return state.equals("finished") || state.equals("failed");
                });
    }

    /** The operations of the OpenAPI document the app serves, as "METHOD /path". */
    private Set<String> documentedOperations() {
        String document = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Set<String> operations = new TreeSet<>();
        try {
            JsonNode paths = JSON.readTree(document).path("paths");
            paths.properties()
                    .forEach(path -> path.getValue().properties().forEach(method -> {
                        if (METHODS.contains(method.getKey())) {
                            operations.add(method.getKey().toUpperCase() + " " + path.getKey());
                        }
                    }));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return operations;
    }
}
