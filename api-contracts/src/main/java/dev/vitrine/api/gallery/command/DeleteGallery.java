package dev.vitrine.api.gallery.command;

import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteGallery(@TargetAggregateIdentifier UUID galleryId, Actor by) {}
