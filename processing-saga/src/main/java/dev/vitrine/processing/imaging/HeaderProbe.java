package dev.vitrine.processing.imaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's size from its header, in Java, without decoding a pixel: ImageIO (with TwelveMonkeys for
 * JPEG and WebP) for the classic formats, a small box reader for HEIC and AVIF. The pixel limit is checked on
 * what this says, before any native code sees the file.
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
}
