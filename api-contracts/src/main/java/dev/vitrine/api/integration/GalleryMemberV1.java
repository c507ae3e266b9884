package dev.vitrine.api.integration;

import dev.vitrine.api.gallery.GalleryRole;
import java.util.UUID;

/**
 * {@code dev.vitrine.gallery.member-added.v1}, {@code …member-role-changed.v1}, {@code …member-removed.v1}: the
 * owner shared the gallery with an account, changed its role, or the membership ended (removed, or the member
 * left). {@code role} is null once removed; {@code previousRole} null when added. For the gallery's owner only.
 */
public record GalleryMemberV1(UUID galleryId, UUID memberId, GalleryRole role, GalleryRole previousRole)
        implements IntegrationData {}
