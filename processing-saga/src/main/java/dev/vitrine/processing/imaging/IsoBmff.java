package dev.vitrine.processing.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Just enough ISO base media file reading to learn a HEIC or AVIF image's size from its 'ispe' property before
 * decoding (no Java ImageIO reader exists for these formats). It reads the largest 'ispe', which for a primary
 * image with a grid is the full canvas.
 */
final class IsoBmff {

    private static final int MAX_DEPTH = 8;

    private IsoBmff() {}

    static Optional<ImageHeader> imageSize(byte[] bytes) {
        return largestIspe(bytes, 0, bytes.length, 0);
    }

    private static Optional<ImageHeader> largestIspe(byte[] bytes, int from, int to, int depth) {
        Optional<ImageHeader> largest = Optional.empty();
        int offset = from;
        while (offset + 8 <= to && depth <= MAX_DEPTH) {
            long size = uint32(bytes, offset);
            String type = new String(bytes, offset + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1 && offset + 16 <= to) {
                size = ((long) uint32(bytes, offset + 8) << 32) | uint32(bytes, offset + 12);
                header = 16;
            } else if (size == 0) {
                size = to - offset;
            }
            if (size < header || offset + size > to) {
                break;
            }
            int end = (int) (offset + size);
            Optional<ImageHeader> found = switch (type) {
                case "ispe" ->
                    end >= offset + header + 12
                            ? Optional.of(new ImageHeader(
                                    (int) uint32(bytes, offset + header + 4), (int) uint32(bytes, offset + header + 8)))
                            : Optional.empty();
                // 'meta' is a full box: four bytes of version and flags before its children
                case "meta" -> largestIspe(bytes, offset + header + 4, end, depth + 1);
                case "iprp", "ipco" -> largestIspe(bytes, offset + header, end, depth + 1);
                default -> Optional.empty();
            };
            if (found.isPresent()
                    && (largest.isEmpty()
                            || found.get().pixels() > largest.get().pixels())) {
                largest = found;
            }
            offset = end;
        }
        return largest;
    }

    static long uint32(byte[] bytes, int offset) {
        if (offset + 4 > bytes.length) {
            return 0;
        }
        return ((bytes[offset] & 0xFFL) << 24)
                | ((bytes[offset + 1] & 0xFFL) << 16)
                | ((bytes[offset + 2] & 0xFFL) << 8)
                | (bytes[offset + 3] & 0xFFL);
    }
}
