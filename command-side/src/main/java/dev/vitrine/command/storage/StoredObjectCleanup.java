package dev.vitrine.command.storage;

import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.image.UploadRules;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.UploadExpired;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Deletes stored files nobody needs any more: those of deleted images and galleries, of expired uploads, of
 * superseded or rejected generations. It runs in its own streaming processor, so a
 * storage outage only delays the cleanup: the processor retries the event until storage answers.
 */
@Component
@ProcessingGroup("stored-object-cleanup")
class StoredObjectCleanup {

    private static final Duration STORAGE_TIMEOUT = Duration.ofMinutes(2);

    private final UploadStorage storage;

    StoredObjectCleanup(UploadStorage storage) {
        this.storage = storage;
    }

    @EventHandler
    void on(ImageDeleted event) {
        storage.deleteAll(UploadRules.imagePrefix(event.galleryId(), event.imageId()))
                .block(STORAGE_TIMEOUT);
    }

    @EventHandler
    void on(UploadExpired event) {
        storage.deleteAll(UploadRules.imagePrefix(event.galleryId(), event.imageId()))
                .block(STORAGE_TIMEOUT);
    }

    /** A newer generation is shown: the variants of the older ones are nobody's any more. */
    @EventHandler
    void on(ImagePublished event) {
        for (int older = 1; older < event.generation(); older++) {
            storage.deleteAll(UploadRules.variantPrefix(event.galleryId(), event.imageId(), older))
                    .block(STORAGE_TIMEOUT);
        }
    }

    /** The variants a rejected generation may have left; the original stays until the image is deleted. */
    @EventHandler
    void on(ImageRejected event) {
        storage.deleteAll(UploadRules.variantPrefix(event.galleryId(), event.imageId(), event.generation()))
                .block(STORAGE_TIMEOUT);
    }

    @EventHandler
    void on(GalleryDeleted event) {
        storage.deleteAll(event.galleryId() + "/").block(STORAGE_TIMEOUT);
    }
}
