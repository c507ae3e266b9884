package dev.vitrine.api.sharing.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** What a right password gives: send {@code grant} back as {@code Authorization: Bearer} (browsers get a cookie). */
@Schema(name = "UnlockGrant")
public record UnlockGrant(String grant, Instant expiresAt) {}
