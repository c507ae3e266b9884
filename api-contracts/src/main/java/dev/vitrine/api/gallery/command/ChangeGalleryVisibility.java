package dev.vitrine.api.gallery.command;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeGalleryVisibility(
        @TargetAggregateIdentifier UUID galleryId, Visibility visibility, Actor by) {}
