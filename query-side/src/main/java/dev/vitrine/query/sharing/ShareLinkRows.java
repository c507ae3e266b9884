package dev.vitrine.query.sharing;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads {@code share_link}; keeps the grants of password links ({@code share_link_grant}). */
@Component
class ShareLinkRows {

    private final DatabaseClient db;

    ShareLinkRows(DatabaseClient db) {
        this.db = db;
    }

    Mono<LinkRow> find(UUID linkId) {
        return links("l.id = :value", linkId).next();
    }

    Mono<LinkRow> byTokenHash(String tokenHash) {
        return links("l.token_hash = :value", tokenHash).next();
    }

    Flux<LinkRow> ofGallery(UUID galleryId) {
        return links("l.gallery_id = :value", galleryId);
    }

    /** The links of the galleries {@code ownerId} owns and has not deleted. */
    Flux<LinkRow> ofOwner(UUID ownerId) {
        return links("g.owner_id = :value AND NOT g.deleted", ownerId);
    }

    /** The links {@code condition} (on {@code :value}) selects, newest first. */
    private Flux<LinkRow> links(String condition, Object value) {
        return db.sql(LinkRow.SELECT + " WHERE " + condition + " ORDER BY l.created_at DESC, l.id")
                .bind("value", value)
                .map(LinkRow::read)
                .all();
    }

    Mono<Void> grant(String grantHash, UUID linkId, Instant expiresAt) {
        return db.sql("INSERT INTO share_link_grant (grant_hash, link_id, expires_at) VALUES (:hash, :link, :expires)")
                .bind("hash", grantHash)
                .bind("link", linkId)
                .bind("expires", expiresAt)
                .then()
                .then(db.sql("DELETE FROM share_link_grant WHERE expires_at < now()")
                        .then());
    }

    Mono<Boolean> granted(String grantHash, UUID linkId, Instant now) {
        return db.sql(
                        "SELECT 1 FROM share_link_grant WHERE grant_hash = :hash AND link_id = :link AND expires_at > :now")
                .bind("hash", grantHash)
                .bind("link", linkId)
                .bind("now", now)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** Whether {@code objectKey} is a current variant of an image of the gallery that is published. */
    Mono<Boolean> isPublishedVariant(UUID galleryId, UUID imageId, String objectKey) {
        return db.sql("""
                        SELECT 1 FROM image_view
                         WHERE id = :image AND gallery_id = :gallery AND status = 'published' AND NOT deleted
                           AND variants @> jsonb_build_array(jsonb_build_object('objectKey', CAST(:key AS text)))""")
                .bind("image", imageId)
                .bind("gallery", galleryId)
                .bind("key", objectKey)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }
}
