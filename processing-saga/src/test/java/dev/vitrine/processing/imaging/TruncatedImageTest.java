package dev.vitrine.processing.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrine.fixtures.Fixtures;
import dev.vitrine.processing.imaging.vips.Vips;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A truncated file has a valid header; libvips must refuse it when decoding instead of filling in grey. */
class TruncatedImageTest {

    @Test
    void a_truncated_jpeg_is_refused_as_truncated() throws Exception {
        var encoders = Executors.newSingleThreadExecutor();
        try {
            var pipeline = new ImagePipeline(
                    new VipsRenderer(Vips.load(), ImagingSettings.defaults(), encoders), ImagingSettings.defaults());
            assertThatThrownBy(() -> pipeline.render(Fixtures.bytes("truncated.jpg"), "image/jpeg"))
                    .isInstanceOfSatisfying(
                            ImagingFailure.class,
                            failure -> assertThat(failure.code()).isEqualTo(ImagingFailure.Code.TRUNCATED_IMAGE));
        } finally {
            encoders.shutdownNow();
        }
    }
}
