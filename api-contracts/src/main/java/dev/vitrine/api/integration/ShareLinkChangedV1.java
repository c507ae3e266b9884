package dev.vitrine.api.integration;

import java.util.UUID;

/**
 * {@code dev.vitrine.share-link.revoked.v1}, {@code …expired.v1}, {@code …opened.v1}: the link stopped opening its
 * gallery (revoked by a manager, or at its expiry), or someone opened the gallery through it (once per visitor and
 * hour). For the gallery's owner only.
 */
public record ShareLinkChangedV1(UUID linkId, UUID galleryId) implements IntegrationData {}
