package dev.vitrine.processing.imaging;

import dev.vitrine.api.image.Fingerprint;
import java.util.Arrays;

/**
 * The pHash {@link Fingerprint} of an image already shrunk to {@link #SIZE}×{@link #SIZE} grey pixels: the 8×8
 * lowest frequencies of its discrete cosine transform (DCT-II, unnormalised), each bit set when its coefficient is
 * above their median.
 */
final class Fingerprints {

    /** Large enough that the 8 lowest frequencies of each direction describe shapes, not single pixels. */
    static final int SIZE = 32;

    private static final int KEPT = 8;
    /**
     * How far above the median a coefficient must be to set its bit: 1/256 of a grey level (a cosine pattern of
     * amplitude A gives a coefficient of 256·A to 512·A here). A synthetic picture such as a striped flag has most
     * coefficients zero, and without this margin floating-point rounding (1e-10) decided their bits: a JPEG copy of
     * the flag came out 16 bits from its original instead of 1.
     */
    private static final double ABOVE = 1.0;
    /** cos((2x + 1) u π / 2N): the same 8×32 factors for the rows and the columns. */
    private static final double[][] COSINES = cosines();

    private Fingerprints() {}

    /**
     * Frequencies row by row (vertical frequency v, then horizontal u), the lowest in the highest bit. The median
     * makes about half the bits ones in a photo; the first bit, the mean brightness, is always set.
     */
    static Fingerprint pHash(byte[] grey) {
        if (grey.length != SIZE * SIZE) {
            throw new IllegalArgumentException("pHash needs " + SIZE + "×" + SIZE + " grey pixels, not " + grey.length);
        }
        // separable: the rows' low frequencies first, then the columns of those (10 000 products instead of 65 000)
        double[][] rows = new double[SIZE][KEPT];
        for (int y = 0; y < SIZE; y++) {
            for (int u = 0; u < KEPT; u++) {
                double sum = 0;
                for (int x = 0; x < SIZE; x++) {
                    sum += (grey[y * SIZE + x] & 0xFF) * COSINES[u][x];
                }
                rows[y][u] = sum;
            }
        }
        double[] coefficients = new double[KEPT * KEPT];
        for (int v = 0; v < KEPT; v++) {
            for (int u = 0; u < KEPT; u++) {
                double sum = 0;
                for (int y = 0; y < SIZE; y++) {
                    sum += rows[y][u] * COSINES[v][y];
                }
                coefficients[v * KEPT + u] = sum;
            }
        }
        double[] sorted = coefficients.clone();
        Arrays.sort(sorted);
        double median = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        long bits = 0;
        for (double coefficient : coefficients) {
            bits = bits << 1 | (coefficient > median + ABOVE ? 1 : 0);
        }
        return new Fingerprint(bits);
    }

    private static double[][] cosines() {
        double[][] cosines = new double[KEPT][SIZE];
        for (int u = 0; u < KEPT; u++) {
            for (int x = 0; x < SIZE; x++) {
                cosines[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIZE));
            }
        }
        return cosines;
    }
}
