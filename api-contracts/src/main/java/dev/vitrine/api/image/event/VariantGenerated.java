package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record VariantGenerated(
        UUID imageId,
        UUID galleryId,
        int generation,
        VariantSize size,
        VariantFormat format,
        int width,
        int height,
        long bytes,
        String objectKey)
        implements ImageEvent {}
