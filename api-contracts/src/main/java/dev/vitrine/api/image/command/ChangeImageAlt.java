package dev.vitrine.api.image.command;

import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the image's alternative text; null or empty removes it. */
public record ChangeImageAlt(@TargetAggregateIdentifier UUID imageId, UUID galleryId, String alt, Actor by) {}
