package dev.vitrine.api.image.command;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Every allowed attempt failed; the image waits for its owner to ask for reprocessing. */
public record MarkImageStalled(@TargetAggregateIdentifier UUID imageId, int generation, int attempts, String reason) {}
