package dev.vitrine.command.lookup;

import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.MemberAdded;
import dev.vitrine.api.gallery.event.MemberRemoved;
import dev.vitrine.api.gallery.event.MemberRoleChanged;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.ImageReprocessingRequested;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.UploadRequested;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code gallery_lookup} and {@code image_lookup} in the very transaction that stores the events (a
 * subscribing processor), so a command never checks a fact older than the events it follows.
 */
@Component
@ProcessingGroup(LookupProjector.GROUP)
class LookupProjector {

    static final String GROUP = "command-lookups";

    private final JdbcTemplate jdbc;

    LookupProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A failure here fails the command: the facts and the events never disagree. */
    @Autowired
    void runInCommandTransaction(EventProcessingConfigurer processing) {
        processing
                .registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, config -> PropagatingErrorHandler.instance());
    }

    @EventHandler
    void on(GalleryCreated event) {
        jdbc.update(
                "INSERT INTO gallery_lookup (gallery_id, owner_id) VALUES (?, ?) ON CONFLICT (gallery_id) DO NOTHING",
                event.galleryId(),
                event.ownerId());
    }

    @EventHandler
    void on(MemberAdded event) {
        jdbc.update(
                "INSERT INTO gallery_member (gallery_id, member_id, role) VALUES (?, ?, ?)"
                        + " ON CONFLICT (gallery_id, member_id) DO UPDATE SET role = EXCLUDED.role",
                event.galleryId(),
                event.memberId(),
                event.role().wireName());
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        jdbc.update(
                "UPDATE gallery_member SET role = ? WHERE gallery_id = ? AND member_id = ?",
                event.role().wireName(),
                event.galleryId(),
                event.memberId());
    }

    @EventHandler
    void on(MemberRemoved event) {
        jdbc.update(
                "DELETE FROM gallery_member WHERE gallery_id = ? AND member_id = ?",
                event.galleryId(),
                event.memberId());
    }

    @EventHandler
    void on(UploadRequested event) {
        jdbc.update("""
                        INSERT INTO image_lookup (image_id, gallery_id, object_key, declared_size, content_type)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (image_id) DO NOTHING""", event.imageId(), event.galleryId(), event.objectKey(), event.size(), event.contentType());
    }

    @EventHandler
    void on(UploadConfirmed event) {
        jdbc.update(
                "UPDATE image_lookup SET confirmed = TRUE, sha256 = ? WHERE image_id = ?",
                event.sha256(),
                event.imageId());
    }

    /** A rejected file is no image of the gallery: its bytes may come again, correctly declared. */
    @EventHandler
    void on(ImageRejected event) {
        jdbc.update("UPDATE image_lookup SET confirmed = FALSE WHERE image_id = ?", event.imageId());
    }

    /** Counted again while it is processed anew — unless the same bytes arrived meanwhile as another image. */
    @EventHandler
    void on(ImageReprocessingRequested event) {
        jdbc.update("""
                UPDATE image_lookup SET confirmed = TRUE
                WHERE image_id = ? AND NOT EXISTS (SELECT 1 FROM image_lookup other
                    WHERE other.gallery_id = image_lookup.gallery_id AND other.sha256 = image_lookup.sha256
                      AND other.confirmed AND NOT other.deleted AND other.image_id <> image_lookup.image_id)""", event.imageId());
    }

    @EventHandler
    void on(ImageDeleted event) {
        jdbc.update("UPDATE image_lookup SET deleted = TRUE WHERE image_id = ?", event.imageId());
    }

    @EventHandler
    void on(GalleryDeleted event) {
        jdbc.update("UPDATE gallery_lookup SET deleted = TRUE WHERE gallery_id = ?", event.galleryId());
        jdbc.update("UPDATE image_lookup SET deleted = TRUE WHERE gallery_id = ?", event.galleryId());
    }
}
