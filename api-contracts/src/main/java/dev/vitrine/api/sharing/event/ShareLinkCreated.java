package dev.vitrine.api.sharing.event;

import dev.vitrine.api.GalleryEvent;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A link to the gallery was made. The token and the password are not here: only the token's SHA-256 and the
 * password's bcrypt hash (null when the link has none); integrators see neither.
 */
@Revision("1")
public record ShareLinkCreated(
        UUID linkId, UUID galleryId, String tokenHash, String passwordHash, Instant expiresAt, String label)
        implements GalleryEvent {}
