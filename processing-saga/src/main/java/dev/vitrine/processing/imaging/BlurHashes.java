package dev.vitrine.processing.imaging;

import io.trbl.blurhash.BlurHash;

/** BlurHash 4×4 of a small sRGB image (3 bands, 8 bits), as the seed specifies. */
final class BlurHashes {

    static final int COMPONENTS = 4;
    static final int SAMPLE_SIZE = 32;
    /** Transparent images are laid on this light grey first: BlurHash has no alpha. */
    static final int BACKGROUND = 240;

    private BlurHashes() {}

    static String encode(byte[] rgb, int width, int height) {
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            int p = i * 3;
            pixels[i] = ((rgb[p] & 0xFF) << 16) | ((rgb[p + 1] & 0xFF) << 8) | (rgb[p + 2] & 0xFF);
        }
        return BlurHash.encode(pixels, width, height, COMPONENTS, COMPONENTS);
    }
}
