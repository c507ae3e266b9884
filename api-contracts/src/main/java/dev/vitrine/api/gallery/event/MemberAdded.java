package dev.vitrine.api.gallery.event;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.gallery.GalleryRole;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An account became a member of the gallery; its username (which never changes) is kept to show who it is. */
@Revision("1")
public record MemberAdded(UUID galleryId, UUID memberId, String username, GalleryRole role) implements GalleryEvent {}
