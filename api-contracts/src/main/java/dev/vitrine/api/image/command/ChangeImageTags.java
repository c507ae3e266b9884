package dev.vitrine.api.image.command;

import dev.vitrine.api.identity.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the image's tags to exactly these (as {@code ImageTags} keeps them); an empty list removes them all. */
public record ChangeImageTags(@TargetAggregateIdentifier UUID imageId, UUID galleryId, List<String> tags, Actor by) {}
