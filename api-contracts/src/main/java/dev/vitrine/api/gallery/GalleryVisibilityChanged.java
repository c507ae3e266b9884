package dev.vitrine.api.gallery;

import dev.vitrine.api.GalleryEvent;
import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record GalleryVisibilityChanged(UUID galleryId, Visibility visibility, Visibility previousVisibility) implements GalleryEvent {
}
