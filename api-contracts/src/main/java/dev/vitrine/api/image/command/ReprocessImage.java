package dev.vitrine.api.image.command;

import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Runs the pipeline again for one image, as a new generation; its current variants stay until the new ones exist. */
public record ReprocessImage(@TargetAggregateIdentifier UUID imageId, UUID galleryId, Actor by) {}
