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
        return db.sql(LinkRow.SELECT + " WHERE l.id = :id")
                .bind("id", linkId)
                .map(LinkRow::read)
                .one();
    }

    Mono<LinkRow> byTokenHash(String tokenHash) {
        return db.sql(LinkRow.SELECT + " WHERE l.token_hash = :hash")
                .bind("hash", tokenHash)
                .map(LinkRow::read)
                .one();
    }

    Flux<LinkRow> ofGallery(UUID galleryId) {
        return db.sql(LinkRow.SELECT + " WHERE l.gallery_id = :gallery ORDER BY l.created_at DESC, l.id")
                .bind("gallery", galleryId)
                .map(LinkRow::read)
                .all();
    }

    /** The links of the galleries {@code ownerId} owns and has not deleted. */
    Flux<LinkRow> ofOwner(UUID ownerId) {
        return db.sql(LinkRow.SELECT + " WHERE g.owner_id = :owner AND NOT g.deleted ORDER BY l.created_at DESC, l.id")
                .bind("owner", ownerId)
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
