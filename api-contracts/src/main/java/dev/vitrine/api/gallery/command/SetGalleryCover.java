package dev.vitrine.api.gallery.command;

import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Chooses the image shown for the gallery; a null image removes the cover. */
public record SetGalleryCover(@TargetAggregateIdentifier UUID galleryId, UUID imageId, Actor by) {}
