package dev.vitrine.api.sharing.http;

import dev.vitrine.api.sharing.SharingRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Instant;

@Schema(name = "CreateShareLinkRequest")
public record CreateShareLinkRequest(
        @Schema(
                description = "When the link stops working; absent: the default (30 days). Not with neverExpires",
                nullable = true)
        Instant expiresAt,

        @Schema(description = "true: the link works until it is revoked (say so explicitly)", nullable = true)
        Boolean neverExpires,

        @Schema(
                description = "Asked of whoever opens the link before anything is shown; 4 to 72 bytes",
                nullable = true)
        String password,

        @Schema(description = "For you, to tell your links apart; at most 100 characters", nullable = true)
        @Size(max = SharingRules.LABEL_MAX)
        String label) {

    public boolean never() {
        return Boolean.TRUE.equals(neverExpires);
    }
}
