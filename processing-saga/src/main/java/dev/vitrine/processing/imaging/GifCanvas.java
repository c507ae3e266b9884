package dev.vitrine.processing.imaging;

import java.util.Optional;

/**
 * The canvas a GIF decoder draws on, read in Java. Java's reader says the size of the first frame, but decoders
 * allocate the logical screen, grown to hold frames that reach beyond it (libvips' libnsgif grows it for the first
 * frame): a 35-byte GIF with a 1×1 screen and a 1×1 frame at (65,534, 65,534) made libvips allocate 17 GB and abort
 * the JVM. The canvas here is the screen grown to hold every frame, so the pixel limit sees the largest.
 */
final class GifCanvas {

    private static final int SCREEN_DESCRIPTOR_END = 13;
    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final int COLOUR_TABLE = 0x80;

    private GifCanvas() {}

    static Optional<ImageHeader> of(byte[] gif) {
        if (gif.length < SCREEN_DESCRIPTOR_END) {
            return Optional.empty();
        }
        int width = uint16(gif, 6);
        int height = uint16(gif, 8);
        int offset = SCREEN_DESCRIPTOR_END + colourTable(gif[10]);
        while (offset < gif.length) {
            int block = gif[offset] & 0xFF;
            if (block == IMAGE && offset + 10 <= gif.length) {
                width = Math.max(width, uint16(gif, offset + 1) + uint16(gif, offset + 5));
                height = Math.max(height, uint16(gif, offset + 3) + uint16(gif, offset + 7));
                // the descriptor, its colour table, the LZW code size, then the data sub-blocks
                offset = subBlocks(gif, offset + 10 + colourTable(gif[offset + 9]) + 1);
            } else if (block == EXTENSION) {
                offset = subBlocks(gif, offset + 2);
            } else {
                // the trailer, or bytes no decoder reads as a frame
                break;
            }
        }
        return Optional.of(new ImageHeader(width, height));
    }

    private static int colourTable(byte packed) {
        return (packed & COLOUR_TABLE) == 0 ? 0 : 3 * (2 << (packed & 0x07));
    }

    /** The offset after the sub-blocks starting at offset (each a length byte and that many bytes, then a 0). */
    private static int subBlocks(byte[] gif, int offset) {
        while (offset < gif.length && gif[offset] != 0) {
            offset += 1 + (gif[offset] & 0xFF);
        }
        return offset + 1;
    }

    private static int uint16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }
}
