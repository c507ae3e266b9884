package dev.vitrine.api.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * What an account may do now. For whatever keeps acting for an account long after the request that set it up: an
 * open event stream, a registered webhook. They ask again before each event they send, so a role revoked, a
 * password changed or an account deleted takes effect at once, not at the next sign-in. Blocking: ask off the event
 * loop.
 */
public interface AccountRights {

    /** The account as it stands now; empty once it is deleted. */
    Optional<Standing> of(UUID accountId);

    /**
     * @param actor the account's rights now
     * @param credentials changes whenever the account's password does (and tells nothing of it): what was opened
     *     with the old password ends
     */
    record Standing(Actor actor, String credentials) {}
}
