package dev.vitrine.query.projection;

import java.time.Instant;
import java.util.UUID;

/** A gallery as the read model keeps it (one row of {@code gallery_view}), changed by the fold on a copy. */
final class GalleryState {

    final UUID id;
    UUID ownerId;
    String name;
    String description;
    String visibility;
    UUID coverImageId;
    int imageCount;
    int confirmedCount;
    long nextPosition;
    Instant createdAt;
    Instant updatedAt;
    boolean deleted;
    long version;
    long lastEventIndex;

    GalleryState(UUID id) {
        this.id = id;
    }

    GalleryState copy() {
        GalleryState copy = new GalleryState(id);
        copy.ownerId = ownerId;
        copy.name = name;
        copy.description = description;
        copy.visibility = visibility;
        copy.coverImageId = coverImageId;
        copy.imageCount = imageCount;
        copy.confirmedCount = confirmedCount;
        copy.nextPosition = nextPosition;
        copy.createdAt = createdAt;
        copy.updatedAt = updatedAt;
        copy.deleted = deleted;
        copy.version = version;
        copy.lastEventIndex = lastEventIndex;
        return copy;
    }

    /** The gallery's own event at {@code at}: it changes the row and the row's version. */
    void changedBy(EventPosition at) {
        version = at.sequence();
        updatedAt = at.at();
        lastEventIndex = at.index();
    }

    /** How many images of {@code list} the gallery has. */
    int count(ImageList list) {
        return list == ImageList.PUBLISHED ? imageCount : confirmedCount;
    }

    void adjust(ImageList list, int by) {
        if (list == ImageList.PUBLISHED) {
            imageCount += by;
        } else {
            confirmedCount += by;
        }
    }
}
