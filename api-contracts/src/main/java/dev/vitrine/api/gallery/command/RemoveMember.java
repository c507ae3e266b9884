package dev.vitrine.api.gallery.command;

import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a membership: the owner removes a member, or a member leaves ({@code by} is the member). */
public record RemoveMember(@TargetAggregateIdentifier UUID galleryId, UUID memberId, Actor by) {}
