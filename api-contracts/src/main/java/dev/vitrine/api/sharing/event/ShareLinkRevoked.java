package dev.vitrine.api.sharing.event;

import dev.vitrine.api.GalleryEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ShareLinkRevoked(UUID linkId, UUID galleryId) implements GalleryEvent {}
