package dev.vitrine.api.image.command;

import dev.vitrine.api.image.Capture;
import dev.vitrine.api.image.Fingerprint;
import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What one half of a processing job produced for this generation, recorded at once: the analysis (from the
 * publishing half; null from the completing half) and the variants it stored.
 */
public record RecordProcessingResult(
        @TargetAggregateIdentifier UUID imageId, int generation, Analysis analysis, List<Variant> variants) {

    /**
     * The image's upright size, its BlurHash, the content type recognised from its bytes, what its file says of
     * how it was taken (null when nothing) and its fingerprint.
     */
    public record Analysis(
            int width, int height, String blurhash, String contentType, Capture capture, Fingerprint fingerprint) {

        public Analysis(int width, int height, String blurhash) {
            this(width, height, blurhash, null, null, null);
        }
    }

    /** One variant, stored at objectKey. */
    public record Variant(
            VariantSize size, VariantFormat format, int width, int height, long bytes, String objectKey) {}
}
