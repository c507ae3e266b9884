package dev.vitrine.processing.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes the EXIF, XMP and ICC chunks from a WebP file. libvips 8.14 writes an EXIF chunk into every WebP, even
 * with strip set and no metadata left on the image, so variants go through this before they are stored.
 */
final class WebpMetadata {

    private static final Set<String> METADATA_CHUNKS = Set.of("EXIF", "XMP ", "ICCP");
    private static final int VP8X_ICC = 0x20;
    private static final int VP8X_EXIF = 0x08;
    private static final int VP8X_XMP = 0x04;

    private WebpMetadata() {}

    static byte[] strip(byte[] webp) {
        ByteBuffer in = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        if (webp.length < 12
                || !fourcc(webp, 0).equals("RIFF")
                || !fourcc(webp, 8).equals("WEBP")) {
            throw new IllegalArgumentException("not a WebP file");
        }
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(webp.length);
        int offset = 12;
        while (offset + 8 <= webp.length) {
            String type = fourcc(webp, offset);
            int size = in.getInt(offset + 4);
            int padded = size + (size & 1);
            if (offset + 8 + padded > webp.length) {
                throw new IllegalArgumentException("WebP chunk " + type + " runs past the end of the file");
            }
            if (!METADATA_CHUNKS.contains(type)) {
                byte[] chunk = Arrays.copyOfRange(webp, offset, offset + 8 + padded);
                if (type.equals("VP8X")) {
                    chunk[8] &= (byte) ~(VP8X_ICC | VP8X_EXIF | VP8X_XMP);
                }
                chunks.writeBytes(chunk);
            }
            offset += 8 + padded;
        }
        byte[] body = chunks.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put(body);
        return out.array();
    }

    private static String fourcc(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }
}
