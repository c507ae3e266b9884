package dev.vitrine.api.gallery.event;

import dev.vitrine.api.GalleryEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record GalleryDeleted(UUID galleryId, UUID ownerId) implements GalleryEvent {}
