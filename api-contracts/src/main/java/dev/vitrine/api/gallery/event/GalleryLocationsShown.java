package dev.vitrine.api.gallery.event;

import dev.vitrine.api.GalleryEvent;
import java.util.UUID;

/**
 * The owner chose to show where the gallery's photos were taken to everyone who sees them (anonymous readers,
 * viewers, contributors and share links too), not only to editors and the owner.
 */
public record GalleryLocationsShown(UUID galleryId) implements GalleryEvent {}
