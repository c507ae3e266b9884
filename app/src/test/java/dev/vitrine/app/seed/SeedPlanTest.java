package dev.vitrine.app.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The benchmark history is shaped like a real service's: a few huge galleries and a long tail of small ones. */
class SeedPlanTest {

    final int[] sizes = new SeedPlan(10_000, 1_000_000, 1).gallerySizes();

    @Test
    void every_image_is_in_exactly_one_gallery() {
        assertThat(sizes).hasSize(10_000);
        assertThat(Arrays.stream(sizes).asLongStream().sum()).isEqualTo(1_000_000);
        assertThat(Arrays.stream(sizes).min().orElseThrow()).isNotNegative();
    }

    @Test
    void a_few_galleries_hold_a_fifth_of_the_images_with_over_fifty_thousand_each() {
        assertThat(Arrays.stream(sizes, 0, 4).min().orElseThrow()).isGreaterThan(50_000);
        assertThat(sizes[0] + sizes[1] + sizes[2] + sizes[3]).isBetween(200_000, 240_000);
    }

    @Test
    void most_galleries_are_small() {
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        assertThat(sorted[sorted.length / 2]).as("median gallery").isBetween(20, 100);
        assertThat(sorted[sorted.length - 5]).as("largest of the tail").isLessThan(50_000);
    }

    @Test
    void the_same_plan_always_gives_the_same_history() {
        assertThat(new SeedPlan(10_000, 1_000_000, 1).gallerySizes()).isEqualTo(sizes);
        assertThat(new SeedPlan(10_000, 1_000_000, 2).gallerySizes()).isNotEqualTo(sizes);
    }

    @Test
    void a_single_gallery_holds_everything() {
        assertThat(new SeedPlan(1, 1_000, 1).gallerySizes()).containsExactly(1_000);
    }
}
