package dev.vitrine.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * What recomputing the hash chain found: {@code intact}, or the first link that does not hold. Without a gallery,
 * the whole log is checked, its checkpoints included.
 */
@Schema(name = "ChainVerification")
public record ChainVerification(
        UUID galleryId,
        boolean intact,
        int aggregates,
        long events,
        long unchained,
        int checkpoints,
        BrokenLink firstBroken) {

    public record BrokenLink(
            String aggregateId, Long sequenceNumber, String eventId, Long globalIndex, Long position, String problem) {}
}
