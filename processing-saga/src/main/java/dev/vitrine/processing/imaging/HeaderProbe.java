package dev.vitrine.processing.imaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's size from its header, in Java, without decoding a pixel: ImageIO (with TwelveMonkeys for
 * JPEG and WebP) for the classic formats, a small box reader for HEIC and AVIF. The pixel limit is checked on
 * what this says, before any native code sees the file. Where a decoder draws on a larger canvas than the first
 * frame ImageIO describes (a GIF's logical screen, an extended WebP's canvas), the size is the canvas.
 */
public final class HeaderProbe {

    private HeaderProbe() {}

    public static ImageHeader read(byte[] bytes, SourceFormat format) throws ImagingFailure {
        if (format == SourceFormat.HEIC || format == SourceFormat.AVIF) {
            return IsoBmff.imageSize(bytes)
                    .orElseThrow(() -> new ImagingFailure(
                            ImagingFailure.Code.CORRUPT_IMAGE,
                            "the " + format.name() + " file does not say how large its image is"));
        }
        ImageHeader first = firstImage(bytes);
        Optional<ImageHeader> canvas = switch (format) {
            case GIF -> GifCanvas.of(bytes);
            case WEBP -> webpCanvas(bytes);
            default -> Optional.empty();
        };
        return canvas.filter(larger -> larger.pixels() > first.pixels()).orElse(first);
    }

    private static ImageHeader firstImage(byte[] bytes) throws ImagingFailure {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new ImagingFailure(ImagingFailure.Code.CORRUPT_IMAGE, "the file has no readable image header");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new ImageHeader(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImagingFailure(
                    ImagingFailure.Code.CORRUPT_IMAGE, "the image header cannot be read: " + e.getMessage());
        }
    }

    /**
     * An extended WebP's canvas (its VP8X chunk), which libvips decodes whole; TwelveMonkeys says the size of the
     * first frame of an animation, so a 1×1 frame on a 16,383×16,383 canvas passed the limit as one pixel.
     */
    private static Optional<ImageHeader> webpCanvas(byte[] webp) {
        if (webp.length < 30 || !new String(webp, 12, 4, StandardCharsets.ISO_8859_1).equals("VP8X")) {
            return Optional.empty();
        }
        return Optional.of(new ImageHeader(1 + uint24(webp, 24), 1 + uint24(webp, 27)));
    }

    private static int uint24(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16;
    }
}
