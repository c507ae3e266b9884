package dev.vitrine.api.gallery;

import dev.vitrine.api.GalleryEvent;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Carries the gallery's details as they are after the change (description null when removed). */
@Revision("1")
public record GalleryDetailsChanged(UUID galleryId, String name, String description) implements GalleryEvent {
}
