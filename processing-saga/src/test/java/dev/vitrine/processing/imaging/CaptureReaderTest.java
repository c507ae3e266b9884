package dev.vitrine.processing.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import dev.vitrine.api.image.Capture;
import dev.vitrine.fixtures.Fixtures;
import dev.vitrine.fixtures.Geotagged;
import dev.vitrine.fixtures.hostile.HostileFile;
import dev.vitrine.processing.imaging.vips.Vips;
import dev.vitrine.processing.imaging.vips.VipsBlob;
import dev.vitrine.processing.imaging.vips.VipsImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the fixture photos' own files say of how they were taken, and nothing they do not say. */
class CaptureReaderTest {

    @Test
    void a_canon_photo_says_its_camera_lens_exposure_and_when_without_an_offset() {
        Capture capture = CaptureReader.read(Fixtures.bytes("Landscape_9.jpg"));

        assertThat(capture).isNotNull();
        assertThat(capture.cameraMake()).isEqualTo("Canon");
        assertThat(capture.cameraModel()).isEqualTo("Canon EOS 5D Mark III");
        assertThat(capture.takenAt()).isEqualTo(LocalDateTime.of(2016, 7, 2, 7, 34, 2));
        assertThat(capture.exposureTime()).isPositive();
        assertThat(capture.aperture()).isPositive();
        assertThat(capture.location()).isNull();
    }

    @Test
    void a_phone_photo_says_where_and_at_which_offset() {
        Capture capture = CaptureReader.read(Geotagged.jpeg(Fixtures.bytes("Landscape_1.jpg")));

        assertThat(capture.cameraMake()).isEqualTo(Geotagged.MAKE);
        assertThat(capture.cameraModel()).isEqualTo(Geotagged.MODEL);
        assertThat(capture.takenAt()).isEqualTo(Geotagged.TAKEN_AT);
        assertThat(capture.takenAtOffset()).isEqualTo(ZoneOffset.of(Geotagged.OFFSET));
        assertThat(capture.takenInstant()).isEqualTo(Instant.parse("2026-05-17T18:42:05Z"));
        assertThat(capture.iso()).isEqualTo(200);
        assertThat(capture.location().latitude()).isCloseTo(Geotagged.LATITUDE, within(1e-4));
        assertThat(capture.location().longitude()).isCloseTo(Geotagged.LONGITUDE, within(1e-4));
    }

    /** HEIC keeps EXIF the same way (an 'Exif' item of the same container); libvips here encodes AVIF only. */
    @Test
    void an_avif_says_where_and_when_through_its_exif_item() throws Exception {
        Vips vips = Vips.load();
        byte[] avif;
        try (VipsBlob jpeg = vips.blob(Geotagged.jpeg(Fixtures.bytes("Landscape_1.jpg")));
                VipsImage image = vips.open(jpeg, "")) {
            avif = vips.save("heifsave_buffer", image, "compression=av1,effort=0,Q=40");
        }
        assertThat(SourceFormat.sniff(avif)).contains(SourceFormat.AVIF);

        Capture capture = CaptureReader.read(avif);

        assertThat(capture).isNotNull();
        assertThat(capture.cameraModel()).isEqualTo(Geotagged.MODEL);
        assertThat(capture.takenAt()).isEqualTo(Geotagged.TAKEN_AT);
        assertThat(capture.location().latitude()).isCloseTo(Geotagged.LATITUDE, within(1e-4));
        // the fixture panorama's EXIF says its orientation, and nothing else
        Capture panorama = CaptureReader.read(Fixtures.bytes("pitm.avif"));
        assertThat(panorama.orientation()).isEqualTo(1);
        assertThat(panorama.cameraModel()).isNull();
        assertThat(panorama.location()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"concert.jpg", "tbgn2c16.png", "rotating-squares.gif", "truncated.jpg"})
    void a_file_that_says_nothing_of_its_taking_has_no_capture(String fixture) {
        assertThat(CaptureReader.read(Fixtures.bytes(fixture))).isNull();
    }

    @Test
    void bytes_that_are_no_image_have_no_capture_and_no_failure() {
        assertThat(CaptureReader.read(new byte[] {1, 2, 3})).isNull();
        assertThat(CaptureReader.read(new byte[0])).isNull();
    }

    @ParameterizedTest
    @EnumSource(HostileFile.class)
    void a_hostile_file_is_read_without_a_failure_and_without_inflating_its_bombs(HostileFile file) {
        byte[] bytes = file.bytes();
        assertThatCode(() -> CaptureReader.read(bytes)).doesNotThrowAnyException();
    }

    @Test
    void the_exif_chunk_of_a_png_or_a_webp_is_found_and_one_running_past_the_end_is_not() {
        byte[] png = concat(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                new byte[] {0, 0, 0, 1},
                "tEXt".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {'x', 1, 2, 3, 4},
                new byte[] {0, 0, 0, 3},
                "eXIf".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {'I', 'I', '*', 9, 9, 9, 9});
        assertThat(CaptureReader.chunk(png, 8, "eXIf", false)).containsExactly('I', 'I', '*');
        byte[] lying = png.clone();
        lying[8 + 13 + 3] = 100; // the eXIf chunk now says 100 bytes
        assertThat(CaptureReader.chunk(lying, 8, "eXIf", false)).isNull();

        byte[] webp = concat(
                "RIFF".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {0, 0, 0, 0},
                "WEBP".getBytes(StandardCharsets.ISO_8859_1),
                "VP8X".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {1, 0, 0, 0, 7, 0},
                "EXIF".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {2, 0, 0, 0, 'M', 'M'});
        assertThat(CaptureReader.chunk(webp, 12, "EXIF", true)).containsExactly('M', 'M');
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void what_a_file_may_say_is_checked_for_sense() {
        assertThat(CaptureReader.date("0000:00:00 00:00:00")).isNull();
        assertThat(CaptureReader.date("2016:13:40 99:00:00")).isNull();
        assertThat(CaptureReader.date(" 2016:07:10 17:37:46 ")).isEqualTo(LocalDateTime.of(2016, 7, 10, 17, 37, 46));
        assertThat(CaptureReader.offset("+25:00")).isNull();
        assertThat(CaptureReader.offset("-03:30")).isEqualTo(ZoneOffset.ofHoursMinutes(-3, -30));
        assertThat(CaptureReader.text("  Canon\u0000\u0007 ")).isEqualTo("Canon");
        assertThat(CaptureReader.text("\u0000\u0000")).isNull();
        assertThat(CaptureReader.text("x".repeat(500))).hasSize(CaptureReader.TEXT_MAX);
    }
}
