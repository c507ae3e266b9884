package dev.vitrine.app.account;

import dev.vitrine.api.account.AccountView;
import dev.vitrine.api.account.RegisterAccountRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@Tag(name = "Accounts")
class AccountController {

    private final Accounts accounts;
    private final PasswordEncoder passwords;

    AccountController(Accounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
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
    @Operation(summary = "The signed-in account")
    Mono<AccountView> me(@AuthenticationPrincipal AccountUser user) {
        return Mono.just(user.view());
    }
}
