package dev.vitrine.api.gallery;

import dev.vitrine.api.GalleryEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record GalleryCreated(UUID galleryId, UUID ownerId, String name, String description, Visibility visibility)
        implements GalleryEvent {}
