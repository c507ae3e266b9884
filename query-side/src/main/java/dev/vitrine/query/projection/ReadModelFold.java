package dev.vitrine.query.projection;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.ImageEvent;
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
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.event.UploadRequested;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * How each event changes the read model. Every row remembers the sequence number of its aggregate's last event
 * ({@code version}); an event the row already holds changes nothing, so an event delivered twice counts once.
 * An event about a gallery or image the read model has never seen is an inconsistency and fails.
 */
final class ReadModelFold {

    private ReadModelFold() {}

    static void apply(GalleryEvent event, EventPosition at, Rows rows) {
        switch (event) {
            case GalleryCreated created -> create(created, at, rows);
            case GalleryDetailsChanged changed ->
                changeGallery(changed.galleryId(), at, rows, gallery -> {
                    gallery.name = changed.name();
                    gallery.description = changed.description();
                });
            case GalleryVisibilityChanged changed ->
                changeGallery(changed.galleryId(), at, rows, gallery -> gallery.visibility = changed.visibility());
            case GalleryLocationsShown shown ->
                changeGallery(shown.galleryId(), at, rows, gallery -> gallery.showsLocations = true);
            case GalleryLocationsHidden hidden ->
                changeGallery(hidden.galleryId(), at, rows, gallery -> gallery.showsLocations = false);
            case GalleryCoverChanged changed ->
                changeGallery(changed.galleryId(), at, rows, gallery -> gallery.coverImageId = changed.coverImageId());
            case MemberAdded added ->
                changeGallery(
                        added.galleryId(),
                        at,
                        rows,
                        gallery -> gallery.members = Stream.concat(
                                        gallery.members.stream(),
                                        Stream.of(new StoredMember(added.memberId(), added.username(), added.role())))
                                .toList());
            case MemberRoleChanged changed ->
                changeGallery(
                        changed.galleryId(),
                        at,
                        rows,
                        gallery -> gallery.members = gallery.members.stream()
                                .map(member -> member.userId().equals(changed.memberId())
                                        ? new StoredMember(member.userId(), member.username(), changed.role())
                                        : member)
                                .toList());
            case MemberRemoved removed ->
                changeGallery(
                        removed.galleryId(),
                        at,
                        rows,
                        gallery -> gallery.members = gallery.members.stream()
                                .filter(member -> !member.userId().equals(removed.memberId()))
                                .toList());
            case GalleryDeleted deleted ->
                changeGallery(deleted.galleryId(), at, rows, gallery -> gallery.deleted = true);
            case UploadRequested requested -> request(requested, at, rows);
            case ImageEvent imageEvent -> changeImage(imageEvent, at, rows);
            default -> {
                // an event of a kind the read model does not show
            }
        }
    }

    private static void create(GalleryCreated event, EventPosition at, Rows rows) {
        if (rows.gallery(event.galleryId()) != null) {
            return;
        }
        GalleryRow gallery = new GalleryRow(event.galleryId());
        gallery.ownerId = event.ownerId();
        gallery.name = event.name();
        gallery.description = event.description();
        gallery.visibility = event.visibility();
        gallery.createdAt = at.at();
        gallery.changedBy(at);
        rows.put(gallery);
    }

    private static void changeGallery(UUID galleryId, EventPosition at, Rows rows, Consumer<GalleryRow> change) {
        GalleryRow gallery = existingGallery(galleryId, rows);
        if (gallery.version >= at.sequence()) {
            return;
        }
        GalleryRow changed = gallery.copy();
        change.accept(changed);
        changed.changedBy(at);
        rows.put(changed);
    }

    private static void request(UploadRequested event, EventPosition at, Rows rows) {
        existingGallery(event.galleryId(), rows);
        if (rows.image(event.imageId()) != null) {
            return;
        }
        ImageRow image = new ImageRow(event.imageId(), event.galleryId());
        image.filename = event.filename();
        image.contentType = event.contentType();
        image.size = event.size();
        image.status = ImageStatus.REQUESTED;
        image.requestedAt = at.at();
        image.version = at.sequence();
        image.lastEventIndex = at.index();
        rows.put(image);
    }

    private static void changeImage(ImageEvent event, EventPosition at, Rows rows) {
        ImageRow image = rows.image(event.imageId());
        if (image == null) {
            throw new IllegalStateException("the read model has no image " + event.imageId() + " for "
                    + event.getClass().getSimpleName());
        }
        if (image.version >= at.sequence()) {
            return;
        }
        ImageRow changed = image.copy();
        ImageChanges.apply(event, at, changed, rows);
        changed.version = at.sequence();
        changed.lastEventIndex = at.index();
        rows.put(changed);
    }

    private static GalleryRow existingGallery(UUID galleryId, Rows rows) {
        GalleryRow gallery = rows.gallery(galleryId);
        if (gallery == null) {
            throw new IllegalStateException("the read model has no gallery " + galleryId);
        }
        return gallery;
    }
}
