package dev.vitrine.processing.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrine.fixtures.Fixtures;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files that are not acceptable images end as a clear refusal, and the pixel bomb before any decoding. */
class RejectedImagesTest {

    /** Counts the images that reach decoding; the refusals here must happen before. */
    static class CountingRenderer implements Renderer {
        final AtomicInteger rendered = new AtomicInteger();

        @Override
        public RenderedImage render(byte[] original, SourceFormat format, ImageHeader header) {
            rendered.incrementAndGet();
            throw new AssertionError("this image should never reach decoding");
        }
    }

    final CountingRenderer renderer = new CountingRenderer();
    final ImagePipeline pipeline = new ImagePipeline(renderer, ImagingSettings.defaults());

    @Test
    void the_decompression_bomb_is_refused_from_its_header_before_any_pixel_is_decoded() {
        assertThatThrownBy(() -> pipeline.render(Fixtures.bytes("65536-uint32-limit.png"), "image/png"))
                .isInstanceOfSatisfying(ImagingFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ImagingFailure.Code.TOO_MANY_PIXELS);
                    assertThat(failure.getMessage()).contains("65536×65536");
                });
        assertThat(renderer.rendered).hasValue(0);
    }

    @Test
    void a_corrupt_header_is_refused_before_decoding() {
        assertThatThrownBy(() -> pipeline.render(Fixtures.bytes("corrupt-header.jpg"), "image/jpeg"))
                .isInstanceOfSatisfying(
                        ImagingFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(ImagingFailure.Code.CORRUPT_IMAGE));
        assertThat(renderer.rendered).hasValue(0);
    }

    @ParameterizedTest(name = "{0} declared as {1}")
    @CsvSource({
        "Landscape_1.jpg,image/png",
        "blackbug.png,image/jpeg",
        "4.webp,image/gif",
        "pitm.avif,image/heic",
        "rotating-squares.gif,image/webp"
    })
    void bytes_of_another_type_than_declared_are_refused(String file, String declared) {
        assertThatThrownBy(() -> pipeline.render(Fixtures.bytes(file), declared))
                .isInstanceOfSatisfying(
                        ImagingFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(ImagingFailure.Code.CONTENT_TYPE_MISMATCH));
        assertThat(renderer.rendered).hasValue(0);
    }

    @Test
    void a_file_that_is_no_image_at_all_is_refused() {
        assertThatThrownBy(() -> pipeline.render("%PDF-1.7 not an image".getBytes(), "image/jpeg"))
                .isInstanceOfSatisfying(
                        ImagingFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(ImagingFailure.Code.UNSUPPORTED_FORMAT));
    }

    @Test
    void the_pixel_limit_is_configurable() {
        var strict =
                new ImagePipeline(renderer, new ImagingSettings(1_000_000, 80, 4, 80, 3, "off", 1, "libvips.so.42"));
        assertThatThrownBy(() -> strict.render(Fixtures.bytes("2569067123_aca715a2ee_o.jpg"), "image/jpeg"))
                .isInstanceOfSatisfying(
                        ImagingFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(ImagingFailure.Code.TOO_MANY_PIXELS));
    }
}
