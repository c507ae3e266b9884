package dev.vitrine.app.account;

import reactor.core.publisher.Mono;

/** The web sessions an account is signed in with (kept by the security package). */
public interface AccountSessions {

    /** Ends every session of the account but {@code keep} (null: all of them). */
    Mono<Void> endAll(String username, String keep);
}
