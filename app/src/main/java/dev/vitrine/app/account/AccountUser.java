package dev.vitrine.app.account;

import dev.vitrine.api.account.AccountView;
import dev.vitrine.api.identity.Actor;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in account as Spring Security holds it (also in the web session, hence Serializable). */
public record AccountUser(UUID id, String username, String passwordHash, Set<String> roles, Instant createdAt)
        implements UserDetails, Serializable {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";
    public static final String ROLE_AUDITOR = "auditor";

    public Actor actor() {
        return actor(id, roles);
    }

    /** What an account with these roles may do. */
    static Actor actor(UUID id, Set<String> roles) {
        return new Actor(id, roles.contains(ROLE_ADMIN), roles.contains(ROLE_AUDITOR));
    }

    public boolean isAdmin() {
        return roles.contains(ROLE_ADMIN);
    }

    public AccountView view() {
        return new AccountView(id, username, roles, createdAt);
    }

    /** The same account without its password hash, for keeping in a session. */
    public AccountUser withoutPassword() {
        return new AccountUser(id, username, "", roles, createdAt);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }
}
