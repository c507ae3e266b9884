package dev.vitrine.api.image.command;

import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteImage(@TargetAggregateIdentifier UUID imageId, UUID galleryId, Actor by) {}
