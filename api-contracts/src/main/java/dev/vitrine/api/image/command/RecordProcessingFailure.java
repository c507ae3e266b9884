package dev.vitrine.api.image.command;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An attempt at processing failed for a reason that may pass (storage or broker down, worker stopped). */
public record RecordProcessingFailure(
        @TargetAggregateIdentifier UUID imageId, int generation, int attempt, String reason) {}
