package dev.vitrine.api.account;

import dev.vitrine.api.gallery.query.Membership;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The signed-in account as it sees itself: the account, and the galleries others shared with it. */
@Schema(name = "Profile")
public record ProfileView(
        UUID id, String username, Set<String> roles, Instant createdAt, List<Membership> memberships) {

    public static ProfileView of(AccountView account, List<Membership> memberships) {
        return new ProfileView(account.id(), account.username(), account.roles(), account.createdAt(), memberships);
    }
}
