package dev.vitrine.processing.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vitrine.fixtures.Fixtures;
import dev.vitrine.fixtures.hostile.HostileFile;
import dev.vitrine.fixtures.hostile.Outcome;
import dev.vitrine.processing.imaging.vips.Vips;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every hostile file through the pipeline the worker runs (ImagePipeline over the real libvips renderer, then both
 * encodings): each ends published with variants of bounded size, or rejected with the code it must have, within
 * a time a loaded two-core machine keeps easily. A native crash would end this JVM: that is why the files that
 * would make libvips allocate gigabytes must be refused in Java, which the renderer's call count proves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileImagesTest {

    /** Each file takes well under 2 s here; the bound is for a busy machine, and catches a hang. */
    static final Duration BOUND = Duration.ofSeconds(30);

    /** The largest variant's encoded size: 1920×1080 WebP or AVIF of any picture is far below it. */
    static final int MAX_VARIANT_BYTES = 2 * 1024 * 1024;

    Vips vips;
    ExecutorService encoders;

    /** The worker's renderer, counting the files that get as far as native decoding. */
    record CountingRenderer(Renderer renderer, AtomicInteger calls) implements Renderer {
        @Override
        public RenderedImage render(byte[] original, SourceFormat format, ImageHeader header) throws ImagingFailure {
            calls.incrementAndGet();
            return renderer.render(original, format, header);
        }
    }

    @BeforeAll
    void loadLibvips() throws Exception {
        vips = Vips.load();
        encoders = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    void stop() {
        encoders.shutdownNow();
    }

    CountingRenderer renderer() {
        return new CountingRenderer(new VipsRenderer(vips, ImagingSettings.defaults(), encoders), new AtomicInteger());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HostileFile.class)
    void a_hostile_file_is_published_or_rejected_with_its_code_in_bounded_time(HostileFile file) {
        byte[] bytes = file.bytes();
        Outcome expected = file.outcome();
        CountingRenderer renderer = renderer();
        ImagePipeline pipeline = new ImagePipeline(renderer, ImagingSettings.defaults());

        assertTimeoutPreemptively(BOUND, () -> {
            if (expected.isPublished()) {
                assertPublished(pipeline, file, bytes);
            } else {
                assertThatThrownBy(() -> pipeline.render(bytes, file.contentType()))
                        .as("%s must be rejected", file)
                        .isInstanceOfSatisfying(
                                ImagingFailure.class,
                                failure -> assertThat(failure.code())
                                        .as("the code of %s (%s)", file, failure.getMessage())
                                        .isEqualTo(expected.code()));
            }
        });
        assertThat(renderer.calls())
                .as(expected.beforeDecoding() ? "refused before libvips sees it" : "decoded by libvips")
                .hasValue(expected.beforeDecoding() ? 0 : 1);
    }

    private static void assertPublished(ImagePipeline pipeline, HostileFile file, byte[] bytes) throws Exception {
        try (RenderedImage image = pipeline.render(bytes, file.contentType())) {
            ImageAnalysis analysis = image.analysis();
            assertThat((long) analysis.width() * analysis.height())
                    .isPositive()
                    .isLessThanOrEqualTo(ImagingSettings.defaults().pixelLimit());
            for (Encoding encoding : Encoding.values()) {
                List<EncodedVariant> variants = image.encode(encoding);
                assertThat(variants).extracting(EncodedVariant::spec).containsExactly(VariantSpec.values());
                for (EncodedVariant variant : variants) {
                    assertThat(variant.width()).isBetween(1, variant.spec().width());
                    assertThat(variant.height()).isBetween(1, variant.spec().height());
                    assertThat(variant.bytes().length).isBetween(1, MAX_VARIANT_BYTES);
                    // variants are re-encoded pixels: nothing of a polyglot's markup survives
                    assertThat(new String(variant.bytes(), StandardCharsets.ISO_8859_1))
                            .doesNotContainIgnoringCase("<script")
                            .doesNotContainIgnoringCase("<html");
                }
            }
        }
    }

    @Test
    void libvips_reading_more_pixels_than_java_did_is_still_refused_before_decoding() {
        // Java's probe now reads an extended WebP's canvas; pretend it had said 1×1, as it did before, and the
        // renderer itself refuses what libvips' own header reading says
        byte[] canvas = HostileFile.WEBP_HUGE_CANVAS.bytes();
        Renderer renderer = new VipsRenderer(vips, ImagingSettings.defaults(), encoders);

        assertThatThrownBy(() -> renderer.render(canvas, SourceFormat.WEBP, new ImageHeader(1, 1)))
                .isInstanceOfSatisfying(ImagingFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ImagingFailure.Code.TOO_MANY_PIXELS);
                    assertThat(failure.getMessage()).contains("16383×16383", "header said 1×1");
                });
    }

    @Test
    void an_animation_is_as_large_as_its_canvas_not_its_first_frame() throws Exception {
        // 10,000 frames of 1×1 on a 64×64 canvas: libvips draws the first frame on the whole canvas
        ImagePipeline pipeline = new ImagePipeline(renderer(), ImagingSettings.defaults());
        try (RenderedImage image =
                pipeline.render(HostileFile.WEBP_10000_FRAMES.bytes(), HostileFile.WEBP_10000_FRAMES.contentType())) {
            assertThat(image.analysis().width()).isEqualTo(64);
            assertThat(image.analysis().height()).isEqualTo(64);
            EncodedVariant large = image.encode(Encoding.WEBP).getFirst();
            assertThat(large.width()).isEqualTo(64);
            assertThat(large.height()).isEqualTo(64);
        }
    }

    @Test
    void the_probed_size_is_the_largest_canvas_a_decoder_would_draw() throws Exception {
        // a grid's own data, not its lying ispe; a GIF's screen grown to its frames; an extended WebP's canvas
        assertThat(HeaderProbe.read(HostileFile.AVIF_GRID_LYING_ISPE.bytes(), SourceFormat.AVIF))
                .isEqualTo(new ImageHeader(16_000, 16_000));
        assertThat(HeaderProbe.read(HostileFile.GIF_FRAME_BEYOND_SCREEN.bytes(), SourceFormat.GIF))
                .isEqualTo(new ImageHeader(65_535, 65_535));
        assertThat(HeaderProbe.read(HostileFile.WEBP_HUGE_CANVAS.bytes(), SourceFormat.WEBP))
                .isEqualTo(new ImageHeader(16_383, 16_383));
        // honest files say what they always said
        assertThat(HeaderProbe.read(Fixtures.bytes("rotating-squares.gif"), SourceFormat.GIF))
                .isEqualTo(new ImageHeader(80, 80));
        assertThat(HeaderProbe.read(Fixtures.bytes("5_webp_a.webp"), SourceFormat.WEBP))
                .isEqualTo(new ImageHeader(300, 300));
        assertThat(HeaderProbe.read(HostileFile.AVIF_GRID_OF_16_TILES.bytes(), SourceFormat.AVIF))
                .isEqualTo(new ImageHeader(256, 256));
    }
}
