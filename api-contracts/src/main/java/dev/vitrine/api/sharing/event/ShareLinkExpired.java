package dev.vitrine.api.sharing.event;

import dev.vitrine.api.GalleryEvent;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The link reached its expiry (recorded for the history; it stopped opening the gallery at that instant). */
@Revision("1")
public record ShareLinkExpired(UUID linkId, UUID galleryId) implements GalleryEvent {}
