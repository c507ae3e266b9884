package dev.vitrine.api.integration;

import dev.vitrine.api.gallery.Visibility;
import java.util.UUID;

/**
 * {@code dev.vitrine.gallery.visibility-changed.v1}. When a gallery stops being public its public media URLs stop
 * working: a CDN in front of Vitrine should purge {@code /media/{galleryId}/} on this event.
 */
public record GalleryVisibilityChangedV1(UUID galleryId, Visibility visibility, Visibility previousVisibility)
        implements IntegrationData {}
