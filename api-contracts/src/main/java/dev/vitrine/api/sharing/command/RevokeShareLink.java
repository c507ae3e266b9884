package dev.vitrine.api.sharing.command;

import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeShareLink(@TargetAggregateIdentifier UUID linkId, Actor by) {}
