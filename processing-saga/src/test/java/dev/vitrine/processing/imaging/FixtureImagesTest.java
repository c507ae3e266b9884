package dev.vitrine.processing.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vitrine.fixtures.Fixtures;
import dev.vitrine.processing.imaging.vips.Vips;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every image of ../shared/fixtures/images behaves as its MANIFEST row says. Colours and orientation are
 * checked by PSNR against a reference decoded by Java (never by libvips), resampled to the variant's size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureImagesTest {

    Vips vips;
    ExecutorService encoders;
    ImagePipeline pipeline;

    @BeforeAll
    void loadLibvips() throws Exception {
        vips = Vips.load();
        encoders = Executors.newFixedThreadPool(2);
        pipeline = new ImagePipeline(
                new VipsRenderer(vips, ImagingSettings.defaults(), encoders), ImagingSettings.defaults());
    }

    @AfterAll
    void stop() {
        encoders.shutdownNow();
    }

    static Supplier<Raster> java(String name) {
        return () -> Decoders.java(Fixtures.bytes(name));
    }

    Stream<Arguments> acceptedImages() {
        return Stream.of(
                // file, upright width, height, has alpha, reference, minimum PSNR (dB) of the large variant
                arguments("2569067123_aca715a2ee_o.jpg", 2725, 2225, false, java("2569067123_aca715a2ee_o.jpg"), 29.0),
                arguments("progressive-2569067123.jpg", 2725, 2225, false, java("2569067123_aca715a2ee_o.jpg"), 29.0),
                arguments("Landscape_9.jpg", 480, 369, false, java("Landscape_9.jpg"), 33.0),
                arguments("gain-map.jpg", 3840, 2160, false, java("gain-map.jpg"), 29.0),
                arguments(
                        "Channel_digital_image_CMYK_color.jpg",
                        500,
                        333,
                        false,
                        java("Channel_digital_image_CMYK_color.jpg"),
                        27.0),
                // no profile: libvips' CMYK fallback must land on the colours the profiled file has
                arguments(
                        "Channel_digital_image_CMYK_color_no_profile.jpg",
                        500,
                        333,
                        false,
                        java("Channel_digital_image_CMYK_color.jpg"),
                        27.0),
                arguments("concert.jpg", 400, 267, false, java("concert.jpg"), 34.0),
                arguments(
                        "Flag_of_the_Netherlands-16bit.png",
                        900,
                        600,
                        false,
                        java("Flag_of_the_Netherlands-16bit.png"),
                        40.0),
                arguments("tbgn2c16.png", 32, 32, true, java("tbgn2c16.png"), 24.0),
                arguments("blackbug.png", 2048, 1536, true, java("blackbug.png"), 45.0),
                arguments("grey-8bit-alpha.png", 400, 300, true, java("grey-8bit-alpha.png"), 29.0),
                arguments("image-in-alpha.png", 928, 169, true, java("image-in-alpha.png"), 45.0),
                arguments("4.webp", 1024, 772, false, java("4.webp"), 32.0),
                arguments("5_webp_a.webp", 300, 300, true, java("5_webp_a.webp"), 38.0),
                arguments("rotating-squares.gif", 80, 80, true, java("rotating-squares.gif"), 38.0),
                arguments("Crash_test.gif", 800, 533, false, java("Crash_test.gif"), 31.0),
                arguments(
                        "prophoto.png",
                        1,
                        1,
                        false,
                        (Supplier<Raster>) () -> Decoders.javaColourManagedPng(Fixtures.bytes("prophoto.png")),
                        45.0),
                arguments(
                        "Portrait_6.jpg",
                        450,
                        600,
                        false,
                        (Supplier<Raster>) () -> java("Portrait_6.jpg").get().rotatedClockwise(),
                        32.0),
                arguments("pitm.avif", 4096, 800, false, null, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedImages")
    void an_accepted_image_gives_eight_variants_of_the_right_size_colour_and_alpha_without_metadata(
            String name, int width, int height, boolean alpha, Supplier<Raster> reference, double minimumPsnr)
            throws Exception {
        byte[] original = Fixtures.bytes(name);
        try (RenderedImage image = pipeline.render(
                original, SourceFormat.sniff(original).orElseThrow().contentType())) {
            assertThat(image.analysis().width()).isEqualTo(width);
            assertThat(image.analysis().height()).isEqualTo(height);
            assertThat(image.analysis().blurhash())
                    .as("4×4 components: 1 + 1 + 4 + 2×15 characters")
                    .hasSize(36)
                    .matches("[0-9A-Za-z#$%*+,\\-.:;=?@\\[\\]^_{|}~]+");

            for (Encoding encoding : Encoding.values()) {
                List<EncodedVariant> variants = image.encode(encoding);
                assertThat(variants).extracting(EncodedVariant::spec).containsExactly(VariantSpec.values());
                for (EncodedVariant variant : variants) {
                    assertFitsSpec(variant, width, height);
                    assertFormatFromBytes(variant);
                    assertNoMetadata(variant);
                    Raster decoded = Decoders.variant(vips, variant);
                    assertThat(decoded.width())
                            .as("decoded width of %s", variant.spec())
                            .isEqualTo(variant.width());
                    assertThat(decoded.height()).isEqualTo(variant.height());
                    assertThat(decoded.hasTransparency())
                            .as("alpha of %s %s", encoding, variant.spec())
                            .isEqualTo(alpha);
                }
                if (reference != null) {
                    Raster large = Decoders.variant(vips, variants.getFirst());
                    Raster expected = reference.get().resizedTo(large.width(), large.height());
                    assertThat(large.over(Color.WHITE).psnr(expected.over(Color.WHITE)))
                            .as("PSNR of the large %s of %s", encoding, name)
                            .isGreaterThanOrEqualTo(minimumPsnr);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2569067123_aca715a2ee_o.jpg", "image-in-alpha.png", "Landscape_9.jpg"})
    void the_large_size_encoded_early_is_the_one_encoded_on_request(String name) throws Exception {
        byte[] original = Fixtures.bytes(name);
        String type = SourceFormat.sniff(original).orElseThrow().contentType();
        List<byte[]> late;
        try (RenderedImage image = pipeline.render(original, type)) {
            late = image.encode(Encoding.WEBP).stream()
                    .map(EncodedVariant::bytes)
                    .toList();
        }
        try (RenderedImage image = pipeline.render(original, type, Encoding.WEBP)) {
            assertThat(image.encode(Encoding.WEBP))
                    .extracting(EncodedVariant::bytes)
                    .containsExactlyElementsOf(late);
        }
        // started and never asked for: closing waits for it rather than freeing what it reads
        pipeline.render(original, type, Encoding.AVIF).close();
    }

    @ParameterizedTest(name = "Landscape_{0}.jpg")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void every_exif_orientation_comes_out_upright(int orientation) throws Exception {
        byte[] original = Fixtures.bytes("Landscape_" + orientation + ".jpg");
        try (RenderedImage image = pipeline.render(original, "image/jpeg")) {
            EncodedVariant large = image.encode(Encoding.WEBP).getFirst();
            assertThat(large.width()).isEqualTo(600);
            assertThat(large.height()).isEqualTo(450);
            Raster ours = Decoders.variant(vips, large);
            Raster upright = Decoders.java(Fixtures.bytes("Landscape_1.jpg"));
            // the upright reference must match far better than any other of its seven turns and mirrors
            List<Double> psnrs = upright.orientations().stream()
                    .filter(turned -> turned.width() == ours.width())
                    .map(turned -> ours.psnr(turned.resizedTo(ours.width(), ours.height())))
                    .toList();
            assertThat(psnrs.getFirst()).isGreaterThan(24.0);
            assertThat(psnrs.subList(1, psnrs.size()))
                    .allSatisfy(wrong -> assertThat(wrong).isLessThan(psnrs.getFirst() - 6));
        }
    }

    @Test
    void an_animated_gif_gives_its_first_frame() throws Exception {
        byte[] original = Fixtures.bytes("rotating-squares.gif");
        try (RenderedImage image = pipeline.render(original, "image/gif")) {
            Raster ours = Decoders.variant(vips, image.encode(Encoding.WEBP).getFirst())
                    .over(Color.WHITE);
            Raster firstFrame = Decoders.java(original).over(Color.WHITE);
            assertThat(ours.psnr(firstFrame)).isGreaterThan(38.0);
        }
    }

    @Test
    void a_heif_with_several_images_gives_its_primary_image_as_a_panorama() throws Exception {
        byte[] original = Fixtures.bytes("pitm.avif");
        try (RenderedImage image = pipeline.render(original, "image/avif")) {
            List<EncodedVariant> webp = image.encode(Encoding.WEBP);
            assertThat(webp.getFirst().width()).isEqualTo(1920);
            assertThat(webp.getFirst().height()).isEqualTo(375);
            Raster large = Decoders.variant(vips, webp.getFirst());
            Raster avifLarge =
                    Decoders.variant(vips, image.encode(Encoding.AVIF).getFirst());
            assertThat(avifLarge.psnr(large))
                    .as("both encodings show the same picture")
                    .isGreaterThan(30.0);
            assertThat(standardDeviation(large))
                    .as("a picture, not a flat fill")
                    .isGreaterThan(10.0);
        }
    }

    private static void assertFitsSpec(EncodedVariant variant, int width, int height) {
        VariantSpec spec = variant.spec();
        assertThat(variant.width()).isPositive().isLessThanOrEqualTo(Math.min(spec.width(), width));
        assertThat(variant.height()).isPositive().isLessThanOrEqualTo(Math.min(spec.height(), height));
        if (spec == VariantSpec.THUMBNAIL) {
            assertThat(variant.width()).isEqualTo(Math.min(80, Math.min(width, height) < 80 ? variant.width() : 80));
            assertThat(variant.height()).isEqualTo(variant.width() == 80 ? 80 : variant.height());
        } else {
            double expectedRatio = (double) width / height;
            double ratio = (double) variant.width() / variant.height();
            double tolerance = 1.0 / Math.min(variant.width(), variant.height()) * expectedRatio + 0.01;
            assertThat(ratio).as("aspect ratio of %s", spec).isCloseTo(expectedRatio, Offset.offset(tolerance));
            boolean touchesBox = variant.width() == Math.min(spec.width(), width)
                    || variant.height() == Math.min(spec.height(), height);
            assertThat(touchesBox).as("%s fills its box", spec).isTrue();
        }
    }

    private static void assertFormatFromBytes(EncodedVariant variant) {
        String head = new String(variant.bytes(), 0, 16, StandardCharsets.ISO_8859_1);
        if (variant.encoding() == Encoding.WEBP) {
            assertThat(head).startsWith("RIFF").contains("WEBP");
        } else {
            assertThat(head.substring(4, 12)).isEqualTo("ftypavif");
        }
    }

    private static void assertNoMetadata(EncodedVariant variant) {
        String bytes = new String(variant.bytes(), StandardCharsets.ISO_8859_1);
        if (variant.encoding() == Encoding.WEBP) {
            assertThat(bytes).doesNotContain("EXIF", "XMP ", "ICCP");
        } else {
            assertThat(bytes).doesNotContain("Exif", "xmpmeta", "rICC");
        }
    }

    private static double standardDeviation(Raster raster) {
        double sum = 0;
        double squares = 0;
        for (int pixel : raster.argb()) {
            int grey = ((pixel >> 16 & 0xFF) + (pixel >> 8 & 0xFF) + (pixel & 0xFF)) / 3;
            sum += grey;
            squares += grey * grey;
        }
        double mean = sum / raster.argb().length;
        return Math.sqrt(squares / raster.argb().length - mean * mean);
    }
}
