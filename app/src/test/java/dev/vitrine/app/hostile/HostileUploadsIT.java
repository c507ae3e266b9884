package dev.vitrine.app.hostile;

import static dev.vitrine.app.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.api.image.query.ImageVariant;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.fixtures.Fixtures;
import dev.vitrine.fixtures.hostile.HostileFile;
import dev.vitrine.fixtures.hostile.Outcome;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Hostile files and file names through the real HTTP API, the queue, the worker and S3: every file ends published or
 * rejected with its code, within a bound, and a file name is a label that never becomes a storage key.
 */
@VitrineIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUploadsIT {

    /**
     * One file for each way a file ends (published, refused by sniffing, by the header, by its structure, by the
     * decoder) and every file that hurt the pipeline before it was fixed: the GIF that aborted the JVM, the canvas,
     * grid and markers that got past the pixel limit or took seconds, the PNG whose 54 bytes cost 2 GB.
     */
    static final List<HostileFile> UPLOADED = List.of(
            HostileFile.POLYGLOT_JPEG_HTML,
            HostileFile.PNG_ZTXT_BOMB,
            HostileFile.WEBP_10000_FRAMES,
            HostileFile.SVG_DECLARED_AS_PNG,
            HostileFile.TRUNCATED_JPEG,
            HostileFile.PNG_LYING_CHUNK_LENGTH,
            HostileFile.JPEG_65535_MARKERS,
            HostileFile.GIF_FRAME_BEYOND_SCREEN,
            HostileFile.WEBP_HUGE_CANVAS,
            HostileFile.AVIF_GRID_LYING_ISPE,
            HostileFile.HEIC_THOUSANDS_OF_TILES);

    /** The whole burst normally ends in seconds; this is the bound for a busy machine, and what "stuck" means. */
    static final Duration BOUND = Duration.ofMinutes(2);

    @Autowired
    WebTestClient http;

    @Autowired
    S3AsyncClient s3;

    Api api;
    Api.User owner;

    @BeforeAll
    void setUp() {
        api = new Api(http);
        owner = api.register();
    }

    @Test
    void hostile_files_uploaded_end_to_end_are_published_or_rejected_with_their_code_and_never_stuck() {
        GalleryView gallery = api.createGallery(owner, "Hostile", Visibility.PUBLIC);
        Map<HostileFile, UUID> images = new EnumMap<>(HostileFile.class);
        // all confirmed before any is awaited: processed side by side, as a burst of uploads would be
        for (HostileFile file : UPLOADED) {
            images.put(file, upload(gallery.id(), file.filename(), file.bytes(), file.contentType()));
        }

        Map<HostileFile, ImageView> ended = new EnumMap<>(HostileFile.class);
        await().atMost(BOUND).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            images.forEach((file, id) -> ended.put(file, api.image(owner, gallery.id(), id)));
            assertThat(ended.values())
                    .extracting(ImageView::status)
                    .as("every image has ended")
                    .allMatch(status -> status != ImageStatus.PROCESSING);
        });

        ended.forEach((file, image) -> {
            Outcome expected = file.outcome();
            if (expected.isPublished()) {
                assertThat(image.status()).as("%s", file).isEqualTo(ImageStatus.PUBLISHED);
                assertThat(image.variants()).as("%s", file).isNotEmpty();
                assertVariantIsOnlyPixels(image);
            } else {
                assertThat(image.status()).as("%s (%s)", file, image.problem()).isEqualTo(ImageStatus.REJECTED);
                assertThat(image.problem().code())
                        .as("%s", file)
                        .isEqualTo(expected.code().wireName());
                assertThat(image.problem().message()).isNotBlank();
                assertThat(image.variants()).isEmpty();
            }
        });
    }

    /** A public variant as a browser fetches it: WebP pixels, served as WebP, with none of the file's markup. */
    private void assertVariantIsOnlyPixels(ImageView image) {
        ImageVariant webp = image.variants().stream()
                .filter(variant -> variant.format() == VariantFormat.WEBP)
                .findFirst()
                .orElseThrow();
        byte[] body = http.get()
                .uri(URI.create(webp.url()).getPath())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("image/webp")
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(new String(body, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("RIFF");
        assertThat(new String(body, StandardCharsets.ISO_8859_1))
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<html");
    }

    static Stream<String> refusedFilenames() {
        return Stream.of(
                "../../etc/passwd",
                "..\\..\\windows\\win.ini",
                "photo\u0000.jpg.exe",
                "\u0000",
                "line\nbreak.jpg",
                // 10 kB of emoji: 2,560 four-byte characters, 5,120 UTF-16 units, over the 255 a name may have
                "\uD83D\uDE00".repeat(2560) + ".jpg");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("refusedFilenames")
    void a_filename_with_a_path_a_control_character_or_too_long_is_a_400_naming_it(String filename) {
        GalleryView gallery = api.createGallery(owner, "Names", Visibility.PRIVATE);
        expectProblem(
                http.post()
                        .uri("/api/uploads")
                        .headers(owner::sign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of(
                                "filename",
                                filename,
                                "contentType",
                                "image/jpeg",
                                "size",
                                1000,
                                "galleryId",
                                gallery.id().toString()))
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "invalid_field",
                "filename");
    }

    /**
     * A file name is the owner's label, nothing more: it is never a storage key (originals are stored under
     * "{gallery}/{image}/original", variants under names made of their hash), never a URL or a header, and it is
     * answered as a JSON string. So a name that only looks alarming is kept as the owner wrote it and shown back
     * exactly: refusing a right-to-left override or markup would protect nothing the API does, and such a name
     * shows as text in the web client (React renders it as text, never as markup).
     */
    static Stream<String> keptFilenames() {
        return Stream.of(
                // U+202E RIGHT-TO-LEFT OVERRIDE: shows as "photoexe.jpg"
                "photo\u202Egpj.exe",
                "..",
                "<img src=x onerror=alert(1)>.jpg",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "\uD83D\uDE00".repeat(60) + ".jpg",
                "Ελληνικά שלום 日本語.jpg");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("keptFilenames")
    void an_alarming_filename_is_kept_as_a_label_shown_back_exactly_and_never_a_storage_key(String filename) {
        GalleryView gallery = api.createGallery(owner, "Labels", Visibility.PRIVATE);
        UUID id = upload(gallery.id(), filename, Fixtures.bytes("concert.jpg"), "image/jpeg");

        http.get()
                .uri("/api/galleries/" + gallery.id() + "/images/" + id)
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.filename")
                .isEqualTo(filename);
        List<String> keys =
                s3.listObjectsV2(list -> list.bucket("vitrine").prefix(gallery.id() + "/")).join().contents().stream()
                        .map(S3Object::key)
                        // the filesystem store lists its folders too
                        .filter(key -> !key.endsWith("/"))
                        .toList();
        assertThat(keys)
                .contains(gallery.id() + "/" + id + "/original")
                .allSatisfy(key -> assertThat(key)
                        .matches(gallery.id() + "/" + id + "/(original|g[0-9]+/[a-z]+-[0-9a-f]{16}\\.(webp|avif))"));
    }

    /** Presign (the presigned URL must not carry the name either), PUT, confirm; answers the image's id. */
    private UUID upload(UUID galleryId, String filename, byte[] bytes, String contentType) {
        PresignedUpload presigned = http.post()
                .uri("/api/uploads")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "filename",
                        filename,
                        "contentType",
                        contentType,
                        "size",
                        bytes.length,
                        "galleryId",
                        galleryId.toString()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(PresignedUpload.class)
                .returnResult()
                .getResponseBody();
        assertThat(URI.create(presigned.presignedUrl()).getPath())
                .endsWith(galleryId + "/" + presigned.uploadId() + "/original");
        assertThat(presigned.presignedUrl())
                .doesNotContain(filename, URLEncoder.encode(filename, StandardCharsets.UTF_8));
        assertThat(Api.put(presigned, bytes, contentType)).isEqualTo(200);
        ImageView confirmed = api.confirm(owner, presigned.uploadId())
                .expectStatus()
                .isAccepted()
                .expectBody(ImageView.class)
                .returnResult()
                .getResponseBody();
        assertThat(confirmed.filename()).isEqualTo(filename);
        assertThat(Set.of(ImageStatus.PROCESSING, ImageStatus.PUBLISHED, ImageStatus.REJECTED))
                .contains(confirmed.status());
        return confirmed.id();
    }
}
