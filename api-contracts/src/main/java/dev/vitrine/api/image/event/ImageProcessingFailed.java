package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** One processing attempt failed for a passing reason; another follows unless attempts are used up. */
@Revision("1")
public record ImageProcessingFailed(UUID imageId, UUID galleryId, int generation, int attempt, String reason)
        implements ImageEvent {}
