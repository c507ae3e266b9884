package dev.vitrine.api.gallery.event;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.gallery.GalleryRole;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A membership ended: the metadata's actor says whether the owner removed the member or the member left. */
@Revision("1")
public record MemberRemoved(UUID galleryId, UUID memberId, GalleryRole previousRole) implements GalleryEvent {}
