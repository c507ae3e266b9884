package dev.vitrine.app.account;

import dev.vitrine.api.identity.AccountRights;
import dev.vitrine.api.identity.Actor;
import java.sql.Array;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The account table's answer to "what may this account do now" (one primary-key read, no cache on purpose). */
@Component
class AccountStandings implements AccountRights {

    private final JdbcTemplate jdbc;

    AccountStandings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Standing> of(UUID accountId) {
        // a digest of the hash, not the hash: whoever holds a Standing learns nothing to guess passwords with
        List<Standing> found = jdbc.query(
                "SELECT roles, md5(password_hash) AS credentials FROM account WHERE id = ?",
                (row, n) -> {
                    Array array = row.getArray("roles");
                    Actor actor = AccountUser.actor(accountId, Set.of((String[]) array.getArray()));
                    return new Standing(actor, row.getString("credentials"));
                },
                accountId);
        return found.stream().findFirst();
    }
}
