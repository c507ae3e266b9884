package dev.vitrine.processing.imaging;

import java.nio.charset.StandardCharsets;

/**
 * How a file is built, checked in Java before any native code reads it, where a small file would cost the decoder
 * far more than its pixels: a JPEG of tens of thousands of segments (libjpeg keeps the saved APPn segments in a
 * list it walks to its end for each new one: 65,535 of them took 15 s), a HEIF grid of thousands of tiles (each tile
 * is one more decoder run: 10,000 64×64 tiles took 22 s), a PNG chunk longer than the file (libpng reserves what the
 * length says: a 54-byte file cost 2 GB). Real photos are far from these limits.
 */
final class FileStructure {

    /** Camera JPEGs have a few dozen segments; a long XMP or ICC profile in 64 kB pieces a few hundred. */
    static final int MAX_JPEG_SEGMENTS = 4096;

    /** Phones tile in 512×512: 192 tiles for 48 Mpx. 100 Mpx (the default pixel limit) in 256×256 tiles is 1,526. */
    static final int MAX_GRID_TILES = 2048;

    private static final int JPEG_EOI = 0xD9;
    private static final int PNG_SIGNATURE = 8;

    private FileStructure() {}

    static void check(byte[] bytes, SourceFormat format) throws ImagingFailure {
        switch (format) {
            case JPEG -> {
                int segments = jpegSegments(bytes);
                if (segments > MAX_JPEG_SEGMENTS) {
                    throw new ImagingFailure(
                            ImagingFailure.Code.TOO_COMPLEX,
                            "the JPEG has " + segments + " segments; at most " + MAX_JPEG_SEGMENTS + " are read");
                }
            }
            case PNG -> pngChunksWithinFile(bytes);
            case HEIC, AVIF -> {
                int tiles = IsoBmff.layout(bytes).largestGrid();
                if (tiles > MAX_GRID_TILES) {
                    throw new ImagingFailure(
                            ImagingFailure.Code.TOO_COMPLEX,
                            "the image is a grid of " + tiles + " tiles; at most " + MAX_GRID_TILES + " are decoded");
                }
            }
            // a GIF's or WebP's frames are scanned, not decoded, past the first: their count costs little
            case GIF, WEBP -> {}
        }
    }

    /**
     * The marker segments before the end of the (first) image, the way libjpeg finds them: fill bytes, stuffed bytes
     * and restart markers in the scan data are not segments, and bytes between segments are skipped.
     */
    static int jpegSegments(byte[] jpeg) {
        int segments = 0;
        int offset = 2;
        while (offset + 1 < jpeg.length) {
            int marker = jpeg[offset + 1] & 0xFF;
            if ((jpeg[offset] & 0xFF) != 0xFF || marker == 0xFF) {
                offset++;
            } else if (marker == JPEG_EOI) {
                break;
            } else if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                offset += 2;
            } else {
                segments++;
                int length = offset + 3 < jpeg.length ? (jpeg[offset + 2] & 0xFF) << 8 | (jpeg[offset + 3] & 0xFF) : 0;
                offset += 2 + length;
            }
        }
        return segments;
    }

    /** Every chunk up to IEND must fit in the file: a length past its end is a cut file, or a lie. */
    private static void pngChunksWithinFile(byte[] png) throws ImagingFailure {
        long offset = PNG_SIGNATURE;
        while (offset + 8 <= png.length) {
            long length = IsoBmff.uint32(png, (int) offset);
            String type = new String(png, (int) offset + 4, 4, StandardCharsets.ISO_8859_1);
            // length, type, data and CRC
            if (offset + 12 + length > png.length) {
                throw new ImagingFailure(
                        ImagingFailure.Code.TRUNCATED_IMAGE,
                        "the PNG chunk " + type.strip() + " says " + length + " bytes but the file ends "
                                + (png.length - offset - 8) + " bytes later");
            }
            if (type.equals("IEND")) {
                return;
            }
            offset += 12 + length;
        }
    }
}
