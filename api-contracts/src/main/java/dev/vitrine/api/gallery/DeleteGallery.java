package dev.vitrine.api.gallery;

import dev.vitrine.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record DeleteGallery(@TargetAggregateIdentifier UUID galleryId, Actor by) {
}
