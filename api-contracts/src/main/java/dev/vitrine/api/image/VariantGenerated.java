package dev.vitrine.api.image;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record VariantGenerated(
        UUID imageId,
        UUID galleryId,
        int generation,
        ImageVariant.Size size,
        ImageVariant.Format format,
        int width,
        int height,
        long bytes,
        String objectKey)
        implements ImageEvent {}
