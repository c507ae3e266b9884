package dev.vitrine.api.gallery.command;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An image that is no longer shown stops being the cover, if it was. */
public record WithdrawGalleryCover(
        @TargetAggregateIdentifier UUID galleryId, UUID imageId) {}
