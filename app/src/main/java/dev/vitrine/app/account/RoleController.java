package dev.vitrine.app.account;

import dev.vitrine.api.account.AccountView;
import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Administrators grant and take back roles: {@code auditor} (reads every gallery's history and events) and
 * {@code admin}. A role takes effect at the account's next request.
 */
@RestController
@RequestMapping("/api/admin/accounts/{username}/roles/{role}")
@Tag(name = "Administration")
class RoleController {

    static final Set<String> GRANTABLE = Set.of(AccountUser.ROLE_AUDITOR, AccountUser.ROLE_ADMIN);

    private final Accounts accounts;

    RoleController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PutMapping
    @Operation(summary = "Grant a role (auditor or admin) to an account")
    Mono<AccountView> grant(@PathVariable String username, @PathVariable String role) {
        return account(username, role)
                .flatMap(account -> accounts.grant(account.id(), role).then(accounts.findAccount(username)))
                .map(AccountUser::view);
    }

    @DeleteMapping
    @Operation(summary = "Take a role (auditor or admin) back from an account")
    Mono<AccountView> revoke(@PathVariable String username, @PathVariable String role) {
        return account(username, role)
                .flatMap(account -> accounts.revoke(account.id(), role).then(accounts.findAccount(username)))
                .map(AccountUser::view);
    }

    private Mono<AccountUser> account(String username, String role) {
        if (!GRANTABLE.contains(role)) {
            return Mono.error(
                    new RejectedException(ErrorCode.INVALID_PARAMETER, "role", "a role is one of " + GRANTABLE));
        }
        return accounts.findAccount(username)
                .switchIfEmpty(Mono.error(() ->
                        new RejectedException(ErrorCode.ACCOUNT_NOT_FOUND, "username", "no account " + username)));
    }
}
