package dev.vitrine.eventlog.stream;

import dev.vitrine.api.identity.AccountRights;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.eventlog.log.LogFilter;
import java.util.Optional;

/**
 * Who reads a stream, asked again before each page it is sent: the rights of the account as they stand now (a role
 * granted or revoked counts from the next page on). The stream ends once the account is deleted or its password
 * changes: whoever opened it may have been the reason for the change.
 */
final class StreamReader {

    /** The reader may no longer read: the stream ends (normally, as a server that closes it). */
    static final class Gone extends RuntimeException {
        Gone() {
            super("the account of the stream's reader changed", null, false, false);
        }
    }

    private final LogFilter opened;
    private final AccountRights rights;
    private String credentials;

    StreamReader(LogFilter opened, AccountRights rights) {
        this.opened = opened;
        this.rights = rights;
    }

    /** What the reader may have now. Blocking. */
    LogFilter now() {
        Actor actor = opened.reader();
        if (actor.isAnonymous() || actor.isSystem()) {
            return opened;
        }
        Optional<AccountRights.Standing> standing = rights.of(actor.userId());
        if (standing.isEmpty()) {
            throw new Gone();
        }
        if (credentials == null) {
            credentials = standing.get().credentials();
        } else if (!credentials.equals(standing.get().credentials())) {
            throw new Gone();
        }
        return new LogFilter(opened.types(), opened.galleryId(), standing.get().actor());
    }
}
