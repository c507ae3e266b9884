package dev.vitrine.api.sharing.query;

import dev.vitrine.api.sharing.ShareLinkStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A share link as its gallery's managers see it. The token is only in the answer that created the link. */
@Schema(name = "ShareLink")
public record ShareLinkView(
        UUID id,
        UUID galleryId,

        @Schema(description = "The share page, with the token: only when the link was just created", nullable = true)
        String url,

        @Schema(
                description = "The token itself: only when the link was just created (it is stored hashed)",
                nullable = true)
        String token,

        @Schema(nullable = true, description = "null: never")
        Instant expiresAt,

        @Schema(nullable = true) String label,
        Instant createdAt,

        @Schema(description = "Times the gallery was opened through the link (once per visitor and hour)")
        long views,

        boolean passwordProtected,
        ShareLinkStatus status) {

    public ShareLinkView withSecret(String url, String token) {
        return new ShareLinkView(
                id, galleryId, url, token, expiresAt, label, createdAt, views, passwordProtected, status);
    }
}
