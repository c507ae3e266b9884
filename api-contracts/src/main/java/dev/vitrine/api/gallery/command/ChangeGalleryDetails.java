package dev.vitrine.api.gallery.command;

import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Renames a gallery or changes its description. A null field keeps its current value;
 * an empty description removes it.
 */
public record ChangeGalleryDetails(
        @TargetAggregateIdentifier UUID galleryId, String name, String description, Actor by) {}
