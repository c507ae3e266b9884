package dev.vitrine.api.sharing.command;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Someone opened the gallery through the link (counted once per visitor and hour, not per image seen). */
public record RecordShareLinkOpened(
        @TargetAggregateIdentifier UUID linkId) {}
