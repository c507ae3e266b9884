package dev.vitrine.command.gallery;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.command.GrantGalleryRole;
import dev.vitrine.api.gallery.command.RemoveMember;
import dev.vitrine.api.gallery.http.GrantRoleRequest;
import dev.vitrine.api.gallery.query.GalleryMember;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.command.web.CommandSender;
import dev.vitrine.command.web.ReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Sharing a gallery with people by username. Each answer already reflects the change (read-your-writes): the member
 * sees the gallery the moment the owner is answered.
 */
@RestController
@RequestMapping("/api/galleries/{galleryId}/members/{username}")
@Tag(name = "Members")
class GalleryMemberController {

    private final CommandSender commands;
    private final ReadModel reads;
    private final MemberDirectory accounts;

    GalleryMemberController(CommandSender commands, ReadModel reads, MemberDirectory accounts) {
        this.commands = commands;
        this.reads = reads;
        this.accounts = accounts;
    }

    @PutMapping
    @Operation(summary = "Make an account a member of the gallery with a role, or change its role (owner only)")
    Mono<GalleryMember> grant(
            @PathVariable UUID galleryId,
            @PathVariable String username,
            @Valid @RequestBody GrantRoleRequest body,
            Caller caller) {
        var actor = caller.actor();
        return reads.requireGallery(galleryId, actor, null)
                .then(member(username))
                .flatMap(member -> commands.<Long>send(
                                new GrantGalleryRole(galleryId, member.id(), member.username(), body.role(), actor),
                                caller)
                        .flatMap(version -> reads.galleryAfter(galleryId, actor, version))
                        .thenReturn(new GalleryMember(member.id(), member.username(), body.role())));
    }

    @DeleteMapping
    @Operation(summary = "Remove a member (owner), or leave a gallery shared with you (your own username)")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> remove(@PathVariable UUID galleryId, @PathVariable String username, Caller caller) {
        var actor = caller.actor();
        return reads.requireGallery(galleryId, actor, null)
                .then(member(username))
                .flatMap(member -> commands.<Long>send(new RemoveMember(galleryId, member.id(), actor), caller))
                .flatMap(
                        version -> reads.galleryAfter(galleryId, actor, version).then(Mono.just(version)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<MemberDirectory.Account> member(String username) {
        return accounts.find(username)
                .switchIfEmpty(Mono.error(() -> new RejectedException(
                        ErrorCode.ACCOUNT_NOT_FOUND, "username", "no account named " + username)));
    }
}
