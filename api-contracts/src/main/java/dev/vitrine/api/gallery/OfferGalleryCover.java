package dev.vitrine.api.gallery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A newly published image becomes the cover of a gallery that has none. */
public record OfferGalleryCover(@TargetAggregateIdentifier UUID galleryId, UUID imageId) {
}
