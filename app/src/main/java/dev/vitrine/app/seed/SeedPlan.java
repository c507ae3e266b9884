package dev.vitrine.app.seed;

import java.util.Arrays;
import java.util.Random;

/**
 * What to seed: {@code galleries} galleries holding {@code images} published images between them, shaped like a
 * real service: a few very large galleries (together about a fifth of all images) and a long tail of small ones
 * (log-normal sizes, most of a few dozen images). The same plan and seed always give the same data.
 */
public record SeedPlan(int galleries, int images, long seed) {

    static final double BIG_SHARE = 0.22;

    public SeedPlan {
        if (galleries < 1 || images < 0) {
            throw new IllegalArgumentException("a plan needs at least one gallery and no negative image count");
        }
    }

    /** How many images each gallery gets; the first ones are the large galleries. */
    int[] gallerySizes() {
        int[] sizes = new int[galleries];
        if (galleries == 1) {
            sizes[0] = images;
            return sizes;
        }
        int big = Math.max(1, galleries / 2500);
        int bigImages = (int) Math.round(images * BIG_SHARE);
        for (int i = 0; i < big; i++) {
            sizes[i] = bigImages / big + (i < bigImages % big ? 1 : 0);
        }
        Random random = new Random(seed);
        double[] weights = new double[galleries - big];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(1.3 * random.nextGaussian());
        }
        double total = Arrays.stream(weights).sum();
        int rest = images - bigImages;
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            sizes[big + i] = (int) Math.floor(rest * weights[i] / total);
            given += sizes[big + i];
        }
        for (int i = 0; given < rest; i = (i + 1) % weights.length) {
            sizes[big + i]++;
            given++;
        }
        return sizes;
    }
}
