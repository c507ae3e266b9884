package dev.vitrine.api.gallery.command;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A newly published image becomes the cover of a gallery that has none. */
public record OfferGalleryCover(@TargetAggregateIdentifier UUID galleryId, UUID imageId) {}
