package dev.vitrine.command.image;

import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Where the processing of one generation of an image stands: whether it is analysed, which variants are recorded,
 * and so whether the image can be published. A redelivered result is recognised and changes nothing.
 */
final class Processing {

    private static final Set<VariantSize> ALL_SIZES = EnumSet.allOf(VariantSize.class);

    private final int generation;
    private boolean analysed;
    private final Set<String> recorded = new HashSet<>();

    Processing(int generation) {
        this.generation = generation;
    }

    int generation() {
        return generation;
    }

    boolean isAnalysed() {
        return analysed;
    }

    void analysed() {
        analysed = true;
    }

    boolean hasVariant(VariantSize size, VariantFormat format) {
        return recorded.contains(size + "/" + format);
    }

    void recorded(VariantSize size, VariantFormat format) {
        recorded.add(size + "/" + format);
    }

    /** Published as soon as the BlurHash and every WebP size exist; AVIF follows. */
    boolean readyToPublish() {
        return analysed && ALL_SIZES.stream().allMatch(size -> hasVariant(size, VariantFormat.WEBP));
    }
}
