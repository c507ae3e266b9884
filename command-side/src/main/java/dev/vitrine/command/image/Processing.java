package dev.vitrine.command.image;

import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Where the processing of one generation of an image stands: whether it is analysed, which variants are recorded,
 * and so whether the image can be published and whether its processing is complete. A redelivered result is recognised and changes nothing.
 */
final class Processing {

    private static final Set<VariantSize> ALL_SIZES = EnumSet.allOf(VariantSize.class);
    /** WebP for every browser, AVIF for those that take it (JPEG variants are not made). */
    private static final Set<VariantFormat> GENERATED_FORMATS = EnumSet.of(VariantFormat.WEBP, VariantFormat.AVIF);

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
        return analysed && hasEverySize(VariantFormat.WEBP);
    }

    /** Complete once analysed with every size in every format a generation is made in: the one rule of it. */
    boolean isComplete() {
        return analysed && GENERATED_FORMATS.stream().allMatch(this::hasEverySize);
    }

    private boolean hasEverySize(VariantFormat format) {
        return ALL_SIZES.stream().allMatch(size -> hasVariant(size, format));
    }
}
