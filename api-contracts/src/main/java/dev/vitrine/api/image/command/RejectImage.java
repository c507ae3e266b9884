package dev.vitrine.api.image.command;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The file is not an acceptable image (wrong type, damaged, too large): processing it again will not help. */
public record RejectImage(@TargetAggregateIdentifier UUID imageId, int generation, String code, String message) {}
