package dev.vitrine.api.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "RegisterAccount")
public record RegisterAccountRequest(
        @NotNull
        @Size(min = 3, max = 40)
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may contain only letters, digits, '.', '_' and '-'")
        @Schema(example = "alice")
        String username,

        @NotNull @Password @Schema(example = "correct horse battery", description = "8 to 72 bytes in UTF-8")
        String password) {}
