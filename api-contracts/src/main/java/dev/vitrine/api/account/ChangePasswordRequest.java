package dev.vitrine.api.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** A new password for the signed-in account, given with the current one. */
@Schema(name = "ChangePassword")
public record ChangePasswordRequest(
        @NotNull String currentPassword,

        @NotNull @Password @Schema(description = "8 to 72 bytes in UTF-8")
        String newPassword) {}
