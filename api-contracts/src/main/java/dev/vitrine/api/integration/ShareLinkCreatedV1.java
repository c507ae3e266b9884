package dev.vitrine.api.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code dev.vitrine.share-link.created.v1}: the gallery was shared by link. Never the token nor the password: an
 * integrator learns that a link exists, not how to open it. For the gallery's owner only, whatever its visibility.
 */
public record ShareLinkCreatedV1(
        UUID linkId, UUID galleryId, Instant expiresAt, String label, boolean passwordProtected)
        implements IntegrationData {}
