package dev.vitrine.api.image.command;

import dev.vitrine.api.identity.Actor;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reserves an image in a gallery and a place in storage that the client may PUT its file to until expiresAt. */
public record RequestUpload(
        @TargetAggregateIdentifier UUID imageId,
        UUID galleryId,
        String filename,
        String contentType,
        long size,
        String objectKey,
        Instant expiresAt,
        Actor by) {}
