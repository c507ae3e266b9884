package dev.vitrine.query.sharing;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.sharing.ShareLinkStatus;
import dev.vitrine.api.sharing.query.ShareLinkView;
import dev.vitrine.query.projection.StoredMember;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code share_link}, with the owner and members of its gallery. Where a link stands at an instant, and what it opens
 * then, is decided here and nowhere else.
 */
record LinkRow(
        UUID id,
        UUID galleryId,
        UUID ownerId,
        List<StoredMember> members,
        String passwordHash,
        String label,
        Instant expiresAt,
        Instant createdAt,
        Instant revokedAt,
        boolean galleryDeleted,
        long views) {

    static final String SELECT = """
            SELECT l.id, l.gallery_id, g.owner_id, g.members::text AS members, l.password_hash, l.label, l.expires_at, l.created_at,
                   l.revoked_at, l.gallery_deleted OR COALESCE(g.deleted, FALSE) AS gallery_deleted, l.views
              FROM share_link l LEFT JOIN gallery_view g ON g.id = l.gallery_id""";

    static LinkRow read(Readable row) {
        return new LinkRow(
                row.get("id", UUID.class),
                row.get("gallery_id", UUID.class),
                row.get("owner_id", UUID.class),
                StoredMember.read(row, "members"),
                row.get("password_hash", String.class),
                row.get("label", String.class),
                row.get("expires_at", Instant.class),
                row.get("created_at", Instant.class),
                row.get("revoked_at", Instant.class),
                Boolean.TRUE.equals(row.get("gallery_deleted", Boolean.class)),
                row.get("views", Long.class));
    }

    ShareLinkStatus status(Instant now) {
        if (revokedAt != null) {
            return ShareLinkStatus.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? ShareLinkStatus.EXPIRED : ShareLinkStatus.ACTIVE;
    }

    /** Those who may edit its gallery manage its links. */
    boolean managedBy(Actor viewer) {
        if (ownerId == null) {
            return false;
        }
        GalleryRole role = StoredMember.roleOf(viewer, ownerId, members);
        return role != null && role.mayEditGallery();
    }

    boolean asksForPassword() {
        return passwordHash != null;
    }

    /** Passes when the link opens its gallery now; otherwise throws what a holder is told (410: gone for good). */
    void requireOpen(Instant now) {
        if (galleryDeleted) {
            throw RejectedException.of(ErrorCode.GALLERY_DELETED, "the shared gallery has been deleted");
        }
        switch (status(now)) {
            case REVOKED -> throw RejectedException.of(ErrorCode.SHARE_LINK_REVOKED, "this link has been revoked");
            case EXPIRED ->
                throw RejectedException.of(ErrorCode.SHARE_LINK_EXPIRED, "this link expired at " + expiresAt);
            case ACTIVE -> {}
        }
    }

    ShareLinkView view(Instant now) {
        return new ShareLinkView(
                id, galleryId, null, null, expiresAt, label, createdAt, views, asksForPassword(), status(now));
    }
}
