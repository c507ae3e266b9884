package dev.vitrine.api.image;

import dev.vitrine.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record DeleteImage(@TargetAggregateIdentifier UUID imageId, UUID galleryId, Actor by) {
}
