package dev.vitrine.api.gallery.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** The answer to {@link FindGalleryMembers}: who shares the gallery, by username. */
@Schema(name = "GalleryMembers")
public record GalleryMembers(UUID galleryId, UUID ownerId, List<GalleryMember> members) {}
