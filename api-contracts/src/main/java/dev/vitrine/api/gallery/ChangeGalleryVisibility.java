package dev.vitrine.api.gallery;

import dev.vitrine.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record ChangeGalleryVisibility(@TargetAggregateIdentifier UUID galleryId, Visibility visibility, Actor by) {
}
