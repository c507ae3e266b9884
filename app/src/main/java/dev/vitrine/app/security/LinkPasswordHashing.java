package dev.vitrine.app.security;

import dev.vitrine.api.sharing.LinkPasswords;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Share links' passwords are hashed and checked as accounts' are (bcrypt, through the same encoder). */
@Component
class LinkPasswordHashing implements LinkPasswords {

    private final PasswordEncoder passwords;

    LinkPasswordHashing(PasswordEncoder passwords) {
        this.passwords = passwords;
    }

    @Override
    public String hash(String password) {
        return passwords.encode(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        return passwords.matches(password, hash);
    }
}
