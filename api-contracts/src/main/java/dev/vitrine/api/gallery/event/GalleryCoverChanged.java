package dev.vitrine.api.gallery.event;

import dev.vitrine.api.GalleryEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The gallery's cover is now {@code coverImageId}; null when the gallery has no cover any more. */
@Revision("1")
public record GalleryCoverChanged(UUID galleryId, UUID coverImageId) implements GalleryEvent {}
