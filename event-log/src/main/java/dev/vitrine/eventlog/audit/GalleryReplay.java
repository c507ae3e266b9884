package dev.vitrine.eventlog.audit;

import dev.vitrine.api.audit.GalleryAsOf;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryCoverChanged;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.GalleryDetailsChanged;
import dev.vitrine.api.gallery.event.GalleryLocationsHidden;
import dev.vitrine.api.gallery.event.GalleryLocationsShown;
import dev.vitrine.api.gallery.event.GalleryVisibilityChanged;
import dev.vitrine.api.gallery.event.MemberAdded;
import dev.vitrine.api.gallery.event.MemberRemoved;
import dev.vitrine.api.gallery.event.MemberRoleChanged;
import dev.vitrine.api.gallery.query.GalleryMember;
import dev.vitrine.api.image.event.ImageAltChanged;
import dev.vitrine.api.image.event.ImageAnalyzed;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageProcessingStalled;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.ImageTagsChanged;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.UploadExpired;
import dev.vitrine.api.image.event.UploadRequested;
import dev.vitrine.api.image.event.VariantGenerated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/** A gallery as its events made it, applied one by one in log order. */
final class GalleryReplay {

    private UUID id;
    private UUID ownerId;
    private String name;
    private String description;
    private Visibility visibility;
    private boolean showLocations;
    private UUID cover;
    private boolean deleted;
    private final Map<UUID, GalleryMember> members = new LinkedHashMap<>();
    private long applied;
    private Long lastPosition;
    private final Map<UUID, Image> images = new LinkedHashMap<>();

    private static final class Image {
        final UUID id;
        final String filename;
        String alt;
        List<String> tags = List.of();
        String status;
        Instant uploadedAt;
        Integer width;
        Integer height;
        int generation;
        final Map<Integer, TreeMap<String, String>> variants = new TreeMap<>();

        Image(UUID id, String filename) {
            this.id = id;
            this.filename = filename;
        }
    }

    void apply(Object event, Instant at, long position) {
        applied++;
        lastPosition = position;
        switch (event) {
            case GalleryCreated e -> {
                id = e.galleryId();
                ownerId = e.ownerId();
                name = e.name();
                description = e.description();
                visibility = e.visibility();
            }
            case GalleryDetailsChanged e -> {
                name = e.name();
                description = e.description();
            }
            case GalleryVisibilityChanged e -> visibility = e.visibility();
            case GalleryLocationsShown e -> showLocations = true;
            case GalleryLocationsHidden e -> showLocations = false;
            case GalleryCoverChanged e -> cover = e.coverImageId();
            case MemberAdded e -> members.put(e.memberId(), new GalleryMember(e.memberId(), e.username(), e.role()));
            case MemberRoleChanged e ->
                members.computeIfPresent(
                        e.memberId(), (id, member) -> new GalleryMember(id, member.username(), e.role()));
            case MemberRemoved e -> members.remove(e.memberId());
            case GalleryDeleted e -> deleted = true;
            case UploadRequested e -> images.put(e.imageId(), new Image(e.imageId(), e.filename()));
            case UploadConfirmed e ->
                image(e.imageId(), image -> {
                    image.status = "processing";
                    image.uploadedAt = at;
                });
            case ImageAnalyzed e ->
                image(e.imageId(), image -> {
                    image.width = e.width();
                    image.height = e.height();
                });
            case VariantGenerated e ->
                image(
                        e.imageId(),
                        image -> image.variants
                                .computeIfAbsent(e.generation(), g -> new TreeMap<>())
                                .put(
                                        e.size().name().toLowerCase(Locale.ROOT) + "."
                                                + e.format().name().toLowerCase(Locale.ROOT),
                                        e.width() + "x" + e.height()));
            case ImagePublished e ->
                image(e.imageId(), image -> {
                    image.status = "published";
                    image.generation = e.generation();
                });
            case ImageRejected e -> image(e.imageId(), image -> image.status = "rejected");
            case ImageProcessingStalled e -> image(e.imageId(), image -> image.status = "stalled");
            case ImageAltChanged e -> image(e.imageId(), image -> image.alt = e.alt());
            case ImageTagsChanged e -> image(e.imageId(), image -> image.tags = e.tags());
            case ImageDeleted e -> images.remove(e.imageId());
            case UploadExpired e -> images.remove(e.imageId());
            default -> {
                // processing attempts, reprocessing requests: nothing a gallery shows
            }
        }
    }

    private void image(UUID imageId, Consumer<Image> change) {
        Image image = images.get(imageId);
        if (image != null) {
            change.accept(image);
        }
    }

    boolean existed() {
        return id != null;
    }

    GalleryAsOf view(Instant asOf) {
        List<GalleryAsOf.ImageAsOf> shown = new ArrayList<>();
        images.values().stream()
                .filter(image -> image.status != null)
                .sorted(Comparator.comparing((Image image) -> image.uploadedAt).reversed())
                .forEach(image -> shown.add(new GalleryAsOf.ImageAsOf(
                        image.id,
                        image.filename,
                        image.alt,
                        image.tags,
                        image.status,
                        image.width,
                        image.height,
                        image.generation,
                        image.variants.getOrDefault(image.generation, new TreeMap<>()).entrySet().stream()
                                .map(v -> v.getKey() + " " + v.getValue())
                                .toList(),
                        image.uploadedAt)));
        int published = (int) shown.stream()
                .filter(image -> image.status().equals("published"))
                .count();
        return new GalleryAsOf(
                asOf,
                id,
                ownerId,
                name,
                description,
                visibility,
                showLocations,
                cover,
                deleted,
                List.copyOf(members.values()),
                published,
                shown,
                applied,
                lastPosition);
    }
}
