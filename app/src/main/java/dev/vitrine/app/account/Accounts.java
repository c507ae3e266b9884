package dev.vitrine.app.account;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The account table, read and written reactively; also what Spring Security looks users up in. */
@Component
public class Accounts implements ReactiveUserDetailsService {

    private static final String COLUMNS = "id, username, password_hash, roles, created_at";

    private final DatabaseClient db;

    Accounts(DatabaseClient db) {
        this.db = db;
    }

    Mono<AccountUser> create(String username, String passwordHash, Set<String> roles) {
        return db.sql("INSERT INTO account (id, username, password_hash, roles) VALUES (:id, :username, :hash, :roles)"
                        + " RETURNING " + COLUMNS)
                .bind("id", UUID.randomUUID())
                .bind("username", username)
                .bind("hash", passwordHash)
                .bind("roles", roles.toArray(String[]::new))
                .map(Accounts::read)
                .one()
                .onErrorMap(
                        DataIntegrityViolationException.class,
                        e -> new RejectedException(
                                ErrorCode.USERNAME_TAKEN, "username", "the username " + username + " is taken"));
    }

    public Mono<AccountUser> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
                .bind("id", id)
                .map(Accounts::read)
                .one();
    }

    Mono<Void> changePassword(UUID id, String passwordHash) {
        return db.sql("UPDATE account SET password_hash = :hash WHERE id = :id")
                .bind("id", id)
                .bind("hash", passwordHash)
                .then();
    }

    Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM account WHERE id = :id").bind("id", id).then();
    }

    Mono<AccountUser> findAccount(String username) {
        return db.sql("SELECT " + COLUMNS + " FROM account WHERE lower(username) = lower(:username)")
                .bind("username", username)
                .map(Accounts::read)
                .one();
    }

    Mono<Void> grant(UUID id, String role) {
        return db.sql(
                        "UPDATE account SET roles = array_append(roles, :role) WHERE id = :id AND NOT (:role = ANY(roles))")
                .bind("id", id)
                .bind("role", role)
                .then();
    }

    Mono<Void> revoke(UUID id, String role) {
        return db.sql("UPDATE account SET roles = array_remove(roles, :role) WHERE id = :id")
                .bind("id", id)
                .bind("role", role)
                .then();
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return findAccount(username).cast(UserDetails.class);
    }

    private static AccountUser read(Readable row) {
        return new AccountUser(
                row.get("id", UUID.class),
                row.get("username", String.class),
                row.get("password_hash", String.class),
                new LinkedHashSet<>(Arrays.asList(row.get("roles", String[].class))),
                row.get("created_at", Instant.class));
    }
}
