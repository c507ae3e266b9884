package dev.vitrine.api.gallery.event;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.gallery.Visibility;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record GalleryVisibilityChanged(UUID galleryId, Visibility visibility, Visibility previousVisibility)
        implements GalleryEvent {}
