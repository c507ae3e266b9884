package dev.vitrine.api.gallery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** An image that is no longer shown stops being the cover, if it was. */
public record WithdrawGalleryCover(@TargetAggregateIdentifier UUID galleryId, UUID imageId) {
}
