package dev.vitrine.command.sharing;

import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.sharing.LinkPasswords;
import dev.vitrine.api.sharing.ShareTokens;
import dev.vitrine.api.sharing.SharingRules;
import dev.vitrine.api.sharing.command.CreateShareLink;
import dev.vitrine.api.sharing.command.RevokeShareLink;
import dev.vitrine.api.sharing.http.CreateShareLinkRequest;
import dev.vitrine.api.sharing.query.ShareLinkView;
import dev.vitrine.command.web.CommandSender;
import dev.vitrine.command.web.ReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Making and revoking share links. The token is made here, handed out once in the creation's answer and never
 * stored: the command carries its SHA-256, and the password (if any) its bcrypt hash.
 */
@RestController
@Tag(name = "Sharing")
class ShareLinkCommandController {

    private final CommandSender commands;
    private final ReadModel reads;
    private final LinkPasswords passwords;
    private final SharingSettings settings;

    ShareLinkCommandController(
            CommandSender commands, ReadModel reads, LinkPasswords passwords, SharingSettings settings) {
        this.commands = commands;
        this.reads = reads;
        this.passwords = passwords;
        this.settings = settings;
    }

    @PostMapping("/api/galleries/{galleryId}/share-links")
    @Operation(
            summary = "Share the gallery by link: whoever holds the token sees its published images, whatever the "
                    + "gallery's visibility, until the link expires or is revoked")
    @ApiResponse(
            responseCode = "201",
            description = "Created; url and token are only ever in this answer",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<ShareLinkView>> create(
            @PathVariable UUID galleryId, @Valid @RequestBody CreateShareLinkRequest body, Caller caller) {
        var actor = caller.actor();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = expiry(body, now);
        String token = ShareTokens.generate();
        UUID linkId = UUID.randomUUID();
        return reads.requireGallery(galleryId, actor, null)
                .then(passwordHash(body.password()))
                .flatMap(hash -> commands.send(
                        new CreateShareLink(
                                linkId,
                                galleryId,
                                ShareTokens.hash(token),
                                hash.orElse(null),
                                expiresAt,
                                body.label() == null || body.label().isBlank() ? null : body.label(),
                                now,
                                actor),
                        caller))
                .then(reads.shareLink(linkId, actor))
                .map(link -> ResponseEntity.created(URI.create("/api/share-links/" + linkId))
                        .body(link.withSecret(caller.origin() + "/s/" + token, token)));
    }

    @DeleteMapping("/api/share-links/{linkId}")
    @Operation(summary = "Revoke a link: it stops opening the gallery, and the image URLs it handed out stop working")
    @ApiResponse(responseCode = "204", description = "Revoked (or already revoked)")
    Mono<ResponseEntity<Void>> revoke(@PathVariable UUID linkId, Caller caller) {
        var actor = caller.actor();
        return reads.shareLink(linkId, actor)
                .then(commands.send(new RevokeShareLink(linkId, actor), caller))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Instant expiry(CreateShareLinkRequest body, Instant now) {
        if (body.never() && body.expiresAt() != null) {
            throw RejectedException.invalid("neverExpires", "give expiresAt or neverExpires, not both");
        }
        if (body.never()) {
            return null;
        }
        return body.expiresAt() != null ? body.expiresAt() : now.plus(settings.defaultExpiry());
    }

    /** bcrypt takes its time on purpose: never on the event loop. */
    private Mono<Optional<String>> passwordHash(String password) {
        if (password == null) {
            return Mono.just(Optional.empty());
        }
        if (!SharingRules.isValidPassword(password)) {
            return Mono.error(RejectedException.invalid(
                    "password",
                    "must be " + SharingRules.PASSWORD_MIN + " characters to " + SharingRules.PASSWORD_MAX_BYTES
                            + " bytes (UTF-8)"));
        }
        return Mono.fromCallable(() -> Optional.of(passwords.hash(password))).subscribeOn(Schedulers.boundedElastic());
    }
}
