package dev.vitrine.api.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint to deliver events to.
 *
 * @param types               CloudEvents types to deliver; empty or absent: every type
 * @param galleryId           only this gallery's events; absent: every gallery the owner may follow
 * @param allowPrivateNetwork deliver to an address on a private network or this machine (administrators only)
 */
@Schema(name = "RegisterWebhook")
public record RegisterWebhookRequest(
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = "https?://.+", message = "must be an http or https URL")
        @Schema(example = "https://integrator.example.com/vitrine-events")
        String url,

        @Size(max = 20) List<@NotBlank String> types,
        UUID galleryId,

        @Schema(description = "Administrators only: allow a target on a private network or this machine")
        Boolean allowPrivateNetwork) {}
