package dev.vitrine.app.security;

import dev.vitrine.api.account.AccountView;
import dev.vitrine.api.account.SignInRequest;
import dev.vitrine.app.account.AccountUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/** Signing in and out with a session cookie, for the web client. */
@RestController
@RequestMapping("/api/session")
@Tag(name = "Accounts")
class SessionController {

    private final ReactiveAuthenticationManager authentication;
    private final ServerSecurityContextRepository contexts;
    private final Sessions sessions;

    SessionController(
            ReactiveAuthenticationManager authentication, ServerSecurityContextRepository contexts, Sessions sessions) {
        this.authentication = authentication;
        this.contexts = contexts;
        this.sessions = sessions;
    }

    @PostMapping
    @Operation(summary = "Sign in: sets the session cookie")
    Mono<AccountView> signIn(@Valid @RequestBody SignInRequest body, ServerWebExchange exchange) {
        return authentication
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password()))
                .flatMap(authenticated -> {
                    AccountUser user = ((AccountUser) authenticated.getPrincipal()).withoutPassword();
                    var signedIn = UsernamePasswordAuthenticationToken.authenticated(
                            user, null, authenticated.getAuthorities());
                    return exchange.getSession()
                            .flatMap(session -> session.changeSessionId() // a fresh id: no session fixation
                                    .then(sessions.makeRoom(user.getUsername(), session.getId())))
                            .then(contexts.save(exchange, new SecurityContextImpl(signedIn)))
                            .thenReturn(user.view());
                });
    }

    @GetMapping
    @Operation(summary = "Who is signed in on this session (204 when nobody)")
    Mono<ResponseEntity<AccountView>> current(@AuthenticationPrincipal AccountUser user) {
        return Mono.just(user == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(user.view()));
    }

    @DeleteMapping
    @Operation(summary = "Sign out")
    @ApiResponse(responseCode = "204", description = "Signed out")
    Mono<ResponseEntity<Void>> signOut(ServerWebExchange exchange) {
        return exchange.getSession()
                .flatMap(WebSession::invalidate)
                .thenReturn(ResponseEntity.noContent().build());
    }
}
