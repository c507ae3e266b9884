package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The file is not an acceptable image; {@code code} says why (e.g. too_many_pixels, content_type_mismatch). */
@Revision("1")
public record ImageRejected(UUID imageId, UUID galleryId, int generation, String code, String message)
        implements ImageEvent {}
