package dev.vitrine.api.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "SignIn")
public record SignInRequest(
        @NotNull String username, @NotNull String password) {}
