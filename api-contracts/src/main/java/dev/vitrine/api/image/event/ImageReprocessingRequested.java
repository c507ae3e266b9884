package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A new processing generation starts from the stored original; the current variants stay until it is published. */
@Revision("1")
public record ImageReprocessingRequested(
        UUID imageId, UUID galleryId, int generation, String objectKey, String contentType, String sha256)
        implements ImageEvent {}
