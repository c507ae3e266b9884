package dev.vitrine.query.sharing;

import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.metadata.EventMetadata;
import dev.vitrine.api.sharing.event.ShareLinkCreated;
import dev.vitrine.api.sharing.event.ShareLinkOpened;
import dev.vitrine.api.sharing.event.ShareLinkRevoked;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code share_link} in the very transaction that stores the link's events (a subscribing processor): a link
 * opens its gallery as soon as its creation is answered, and a revoked link is refused as soon as the revocation
 * is. Expiry needs no event here: a link is read as expired from its {@code expires_at}, to the millisecond.
 */
@Component
@ProcessingGroup(ShareLinkProjector.GROUP)
class ShareLinkProjector {

    static final String GROUP = "share-links";

    private final JdbcTemplate jdbc;

    ShareLinkProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A failure here fails the command: the links and their events never disagree. */
    @Autowired
    void runInCommandTransaction(EventProcessingConfigurer processing) {
        processing
                .registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, config -> PropagatingErrorHandler.instance());
    }

    @EventHandler
    void on(
            ShareLinkCreated event,
            @MetaDataValue(EventMetadata.ACTOR_ID) String actorId,
            @Timestamp Instant timestamp) {
        jdbc.update(
                """
                INSERT INTO share_link (id, gallery_id, token_hash, password_hash, label, expires_at, created_at,
                                        created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.linkId(),
                event.galleryId(),
                event.tokenHash(),
                event.passwordHash(),
                event.label(),
                event.expiresAt() == null ? null : at(event.expiresAt()),
                at(timestamp),
                actorId == null ? EventMetadata.SYSTEM_ACTOR : actorId);
    }

    @EventHandler
    void on(ShareLinkRevoked event, @Timestamp Instant timestamp) {
        jdbc.update(
                "UPDATE share_link SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                at(timestamp),
                event.linkId());
        jdbc.update("DELETE FROM share_link_grant WHERE link_id = ?", event.linkId());
    }

    @EventHandler
    void on(ShareLinkOpened event) {
        jdbc.update("UPDATE share_link SET views = views + 1 WHERE id = ?", event.linkId());
    }

    @EventHandler
    void on(GalleryDeleted event) {
        jdbc.update("UPDATE share_link SET gallery_deleted = TRUE WHERE gallery_id = ?", event.galleryId());
        jdbc.update(
                "DELETE FROM share_link_grant WHERE link_id IN (SELECT id FROM share_link WHERE gallery_id = ?)",
                event.galleryId());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
