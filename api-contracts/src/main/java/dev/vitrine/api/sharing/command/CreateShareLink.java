package dev.vitrine.api.sharing.command;

import dev.vitrine.api.identity.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * Open the gallery to whoever holds the token whose SHA-256 is {@code tokenHash}, until {@code expiresAt} (null:
 * never). {@code passwordHash}, when set, is the bcrypt hash of the password a holder must give first.
 */
public record CreateShareLink(
        UUID linkId,
        UUID galleryId,
        String tokenHash,
        String passwordHash,
        Instant expiresAt,
        String label,
        Instant createdAt,
        Actor by) {}
