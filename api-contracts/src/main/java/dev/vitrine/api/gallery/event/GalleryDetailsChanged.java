package dev.vitrine.api.gallery.event;

import dev.vitrine.api.GalleryEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Carries the gallery's details as they are after the change (description null when removed). */
@Revision("1")
public record GalleryDetailsChanged(UUID galleryId, String name, String description) implements GalleryEvent {}
