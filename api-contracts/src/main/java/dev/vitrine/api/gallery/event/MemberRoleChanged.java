package dev.vitrine.api.gallery.event;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.gallery.GalleryRole;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberRoleChanged(UUID galleryId, UUID memberId, GalleryRole role, GalleryRole previousRole)
        implements GalleryEvent {}
