package dev.vitrine.api.gallery;

import dev.vitrine.api.GalleryEvent;
import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record GalleryCreated(UUID galleryId, UUID ownerId, String name, String description, Visibility visibility) implements GalleryEvent {
}
