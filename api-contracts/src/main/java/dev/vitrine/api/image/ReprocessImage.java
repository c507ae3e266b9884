package dev.vitrine.api.image;

import dev.vitrine.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Runs the pipeline again for one image, as a new generation; its current variants stay until the new ones exist. */
public record ReprocessImage(@TargetAggregateIdentifier UUID imageId, UUID galleryId, Actor by) {
}
