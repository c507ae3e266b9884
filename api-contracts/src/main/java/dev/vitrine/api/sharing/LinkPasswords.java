package dev.vitrine.api.sharing;

/**
 * Hashes and checks the passwords of share links with the accounts' password encoder (the app provides it). Slow
 * on purpose (bcrypt): call it off the event loop.
 */
public interface LinkPasswords {

    String hash(String password);

    boolean matches(String password, String hash);
}
