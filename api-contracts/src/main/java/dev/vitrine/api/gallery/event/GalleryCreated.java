package dev.vitrine.api.gallery.event;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.gallery.Visibility;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record GalleryCreated(UUID galleryId, UUID ownerId, String name, String description, Visibility visibility)
        implements GalleryEvent {}
