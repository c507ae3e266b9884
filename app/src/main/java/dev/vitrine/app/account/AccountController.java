package dev.vitrine.app.account;

import dev.vitrine.api.account.AccountView;
import dev.vitrine.api.account.ChangePasswordRequest;
import dev.vitrine.api.account.ProfileView;
import dev.vitrine.api.account.RegisterAccountRequest;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.command.DeleteGallery;
import dev.vitrine.api.gallery.query.FindMemberships;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.query.Answers;
import dev.vitrine.command.gallery.GalleryAccess;
import dev.vitrine.command.web.CommandSender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Set;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@Tag(name = "Accounts")
class AccountController {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final AccountSessions sessions;
    private final GalleryAccess galleries;
    private final CommandSender commands;
    private final QueryGateway queries;

    AccountController(
            Accounts accounts,
            PasswordEncoder passwords,
            AccountSessions sessions,
            GalleryAccess galleries,
            CommandSender commands,
            QueryGateway queries) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.galleries = galleries;
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/api/accounts")
    @Operation(summary = "Register an account")
    @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
    Mono<ResponseEntity<AccountView>> register(@Valid @RequestBody RegisterAccountRequest body) {
        // hashing is deliberately slow: keep it off the event loop
        return Mono.fromCallable(() -> passwords.encode(body.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> accounts.create(body.username(), hash, Set.of(AccountUser.ROLE_USER)))
                .map(account -> ResponseEntity.created(URI.create("/api/me")).body(account.view()));
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in account, with the galleries others shared with it and its role in each")
    Mono<ProfileView> me(@AuthenticationPrincipal AccountUser user) {
        return Mono.fromFuture(() -> Answers.ask(queries, new FindMemberships(user.id())))
                .map(found -> ProfileView.of(user.view(), found.memberships()));
    }

    @PutMapping("/api/me/password")
    @Operation(summary = "Change the signed-in account's password; its other web sessions end")
    @ApiResponse(responseCode = "204", description = "Changed")
    Mono<ResponseEntity<Void>> changePassword(
            @Valid @RequestBody ChangePasswordRequest body,
            @AuthenticationPrincipal AccountUser user,
            ServerWebExchange exchange) {
        return accounts.findById(user.id())
                .publishOn(Schedulers.boundedElastic())
                .map(account -> {
                    if (!passwords.matches(body.currentPassword(), account.getPassword())) {
                        throw RejectedException.invalid("currentPassword", "is not the account's password");
                    }
                    return passwords.encode(body.newPassword());
                })
                .flatMap(hash -> accounts.changePassword(user.id(), hash))
                .then(currentSessionId(exchange))
                .flatMap(keep -> sessions.endAll(user.username(), keep.isEmpty() ? null : keep))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/api/me")
    @Operation(
            summary = "Delete the signed-in account with its galleries (and their images); its sessions end",
            description = "Each gallery is deleted as its owner would delete it, so the event log says so.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    Mono<ResponseEntity<Void>> delete(
            @AuthenticationPrincipal AccountUser user, Caller caller, ServerWebExchange exchange) {
        return Mono.fromCallable(() -> galleries.ownedBy(user.id()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .concatMap(galleryId -> commands.send(new DeleteGallery(galleryId, caller.actor()), caller))
                .then(accounts.delete(user.id()))
                .then(sessions.endAll(user.username(), null))
                .then(exchange.getSession().flatMap(WebSession::invalidate))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** The id of the session this request came in, or "" for a request signed with Basic credentials. */
    private static Mono<String> currentSessionId(ServerWebExchange exchange) {
        return exchange.getSession().map(session -> session.isStarted() ? session.getId() : "");
    }
}
