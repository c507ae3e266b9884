package dev.vitrine.api.account;

import java.nio.charset.StandardCharsets;

/** What an account's password may be: shared by the HTTP validation ({@link Password}), sign-in and bootstrap. */
public final class AccountRules {

    /**
     * 8 to 72 bytes in UTF-8. bcrypt reads no further than 72 bytes (and Spring Security refuses to hash more
     * rather than ignore the rest). Counted in bytes, not characters: "é" is two.
     */
    public static final int PASSWORD_MIN_BYTES = 8;

    public static final int PASSWORD_MAX_BYTES = 72;

    private AccountRules() {}

    public static int passwordBytes(CharSequence password) {
        return password.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Whether this could be a password (a longer one could never have been set, so it never matches). */
    public static boolean isValidPassword(CharSequence password) {
        if (password == null) {
            return false;
        }
        int bytes = passwordBytes(password);
        return bytes >= PASSWORD_MIN_BYTES && bytes <= PASSWORD_MAX_BYTES;
    }
}
