package dev.vitrine.api.sharing.http;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "UnlockRequest")
public record UnlockRequest(@NotNull String password) {}
