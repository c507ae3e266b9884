package dev.vitrine.api.sharing.event;

import dev.vitrine.api.GalleryEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Someone opened the gallery through the link: the link's views count these. */
@Revision("1")
public record ShareLinkOpened(UUID linkId, UUID galleryId) implements GalleryEvent {}
