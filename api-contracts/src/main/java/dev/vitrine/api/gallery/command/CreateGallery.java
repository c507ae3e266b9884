package dev.vitrine.api.gallery.command;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateGallery(
        @TargetAggregateIdentifier UUID galleryId, String name, String description, Visibility visibility, Actor by) {}
