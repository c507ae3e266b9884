package dev.vitrine.api.gallery;

import dev.vitrine.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record CreateGallery(@TargetAggregateIdentifier UUID galleryId, String name, String description,
                            Visibility visibility, Actor by) {
}
