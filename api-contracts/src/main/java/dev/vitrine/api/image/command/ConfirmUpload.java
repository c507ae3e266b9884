package dev.vitrine.api.image.command;

import dev.vitrine.api.identity.Actor;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The client says its file is in storage. {@code storedSize} and {@code sha256} are what Vitrine itself read
 * back from storage, never what the client claims; both are null when storage holds nothing for the upload.
 */
public record ConfirmUpload(
        @TargetAggregateIdentifier UUID imageId, Long storedSize, String sha256, Instant confirmedAt, Actor by) {}
