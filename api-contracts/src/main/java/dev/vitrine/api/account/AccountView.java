package dev.vitrine.api.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

@Schema(name = "Account")
public record AccountView(UUID id, String username, Set<String> roles, Instant createdAt) {}
