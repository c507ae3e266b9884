package dev.vitrine.api.gallery.event;

import dev.vitrine.api.GalleryEvent;
import java.util.UUID;

/** The owner chose to show where the gallery's photos were taken only to editors and the owner again (the default). */
public record GalleryLocationsHidden(UUID galleryId) implements GalleryEvent {}
