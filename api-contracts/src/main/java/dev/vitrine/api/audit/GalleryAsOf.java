package dev.vitrine.api.audit;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryMember;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A gallery and its images as they were at {@code asOf}, rebuilt from the events stored up to then (not read from
 * the read model). {@code deleted} galleries show as they were when deleted.
 */
@Schema(name = "GalleryAsOf")
public record GalleryAsOf(
        Instant asOf,
        UUID id,
        UUID ownerId,
        String name,
        String description,
        Visibility visibility,
        boolean showLocations,
        UUID coverImageId,
        boolean deleted,
        List<GalleryMember> members,
        int imageCount,
        List<ImageAsOf> images,
        long eventsApplied,
        Long lastPosition) {

    /** An image of the gallery then: its status, size and the variants it had. */
    public record ImageAsOf(
            UUID id,
            String filename,
            String alt,
            List<String> tags,
            String status,
            Integer width,
            Integer height,
            int generation,
            List<String> variants,
            Instant uploadedAt) {}
}
