package dev.vitrine.query.projection;

import dev.vitrine.api.ImageEvent;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.event.ImageAltChanged;
import dev.vitrine.api.image.event.ImageAnalyzed;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageProcessingCompleted;
import dev.vitrine.api.image.event.ImageProcessingStalled;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.ImageReprocessingRequested;
import dev.vitrine.api.image.event.ImageTagsChanged;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.UploadExpired;
import dev.vitrine.api.image.event.VariantGenerated;
import java.util.List;
import java.util.stream.Stream;

/**
 * What each event of an image does to its row. The variants shown are those of the published generation; those of
 * a newer generation wait in {@code pending} until it is published, so an image being reprocessed never loses its
 * variants.
 */
final class ImageChanges {

    private ImageChanges() {}

    static void apply(ImageEvent event, EventPosition at, ImageRow image, Rows rows) {
        switch (event) {
            case UploadConfirmed confirmed -> {
                image.status = ImageStatus.PROCESSING;
                image.size = confirmed.size();
                image.uploadedAt = at.at();
                if (image.position == null) {
                    image.position = nextPosition(image, at, rows);
                }
            }
            case ImageAltChanged changed -> image.alt = changed.alt();
            case ImageTagsChanged changed -> image.tags = changed.tags();
            case UploadExpired ignored -> image.status = ImageStatus.EXPIRED;
            case ImageDeleted ignored -> image.deleted = true;
            case ImageAnalyzed analyzed -> {
                image.width = analyzed.width();
                image.height = analyzed.height();
                image.aspectRatio = analyzed.aspectRatio();
                image.blurhash = analyzed.blurhash();
                image.capture = analyzed.capture();
                image.fingerprint = analyzed.fingerprint();
                image.takenAt =
                        analyzed.capture() == null ? null : analyzed.capture().takenInstant();
            }
            case VariantGenerated generated -> addVariant(image, generated);
            case ImagePublished published -> publish(image, published.generation());
            case ImageRejected rejected -> image.problem(ImageStatus.REJECTED, rejected.code(), rejected.message());
            case ImageProcessingStalled stalled ->
                image.problem(
                        ImageStatus.STALLED,
                        "processing_stalled",
                        "processing failed " + stalled.attempts() + " times; last: " + stalled.reason());
            case ImageReprocessingRequested ignored -> {
                if (image.status == ImageStatus.REJECTED || image.status == ImageStatus.STALLED) {
                    image.status = ImageStatus.PROCESSING;
                }
                image.problemCode = null;
                image.problemMessage = null;
                image.pending = List.of();
            }
            case ImageProcessingCompleted ignored -> {
                // the AVIF set is in (each variant was shown as it came): nothing more to show
            }
            default -> {
                // e.g. a failed attempt: nothing shown changes, the row's version follows
            }
        }
    }

    private static long nextPosition(ImageRow image, EventPosition at, Rows rows) {
        GalleryRow gallery = rows.gallery(image.galleryId).copy();
        gallery.nextPosition++;
        gallery.lastEventIndex = at.index();
        rows.put(gallery);
        return gallery.nextPosition;
    }

    private static void addVariant(ImageRow image, VariantGenerated event) {
        StoredVariant variant = new StoredVariant(
                event.size(),
                event.format(),
                event.width(),
                event.height(),
                event.bytes(),
                event.objectKey(),
                event.generation());
        if (event.generation() == image.publishedGeneration) {
            image.variants = append(image.variants, variant);
        } else if (event.generation() > image.publishedGeneration) {
            image.pending = append(image.pending, variant);
        }
    }

    private static void publish(ImageRow image, int generation) {
        image.status = ImageStatus.PUBLISHED;
        image.publishedGeneration = generation;
        image.variants =
                image.pending.stream().filter(v -> v.generation() == generation).toList();
        image.pending =
                image.pending.stream().filter(v -> v.generation() > generation).toList();
        image.problemCode = null;
        image.problemMessage = null;
    }

    private static List<StoredVariant> append(List<StoredVariant> variants, StoredVariant variant) {
        return Stream.concat(variants.stream(), Stream.of(variant)).toList();
    }
}
