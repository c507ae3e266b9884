package dev.vitrine.command.gallery;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Who an account is, by username: members are named by username, and commands carry their account's id. */
public interface MemberDirectory {

    /** An account, with its username as it was registered. */
    record Account(UUID id, String username) {}

    /** The account with this username (case-insensitively); empty when there is none. */
    Mono<Account> find(String username);
}
