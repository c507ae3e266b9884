package dev.vitrine.app.security;

import dev.vitrine.app.account.Accounts;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

/**
 * The accounts Spring Security signs in against, with one difference: a username without an account is answered
 * with a stand-in whose password hash matches nothing, so that its password is hashed and checked like any wrong
 * one. Otherwise an unknown username would fail fast, and the time an answer takes would tell who has an account.
 */
final class SignInAccounts implements ReactiveUserDetailsService {

    private final Accounts accounts;
    private final String unmatchable;

    SignInAccounts(Accounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.unmatchable = passwords.encode(HexFormat.of().formatHex(secret)); // forgotten at once
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return accounts.findByUsername(username)
                .switchIfEmpty(Mono.fromSupplier(() -> User.withUsername(username)
                        .password(unmatchable)
                        .authorities("ROLE_NOBODY")
                        .build()));
    }
}
