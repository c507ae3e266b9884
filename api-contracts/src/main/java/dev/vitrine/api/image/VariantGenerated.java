package dev.vitrine.api.image;

import dev.vitrine.api.ImageEvent;
import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record VariantGenerated(UUID imageId, UUID galleryId, int generation, ImageVariant.Size size,
                               ImageVariant.Format format, int width, int height, long bytes, String objectKey)
        implements ImageEvent {
}
