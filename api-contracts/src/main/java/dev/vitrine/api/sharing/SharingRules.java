package dev.vitrine.api.sharing;

import java.nio.charset.StandardCharsets;

/** The rules of a share link's fields: the one place that says how long a label or a password may be. */
public final class SharingRules {

    public static final int LABEL_MAX = 100;
    public static final int PASSWORD_MIN = 4;
    /** bcrypt reads 72 bytes at most: a longer password would be cut without a word. */
    public static final int PASSWORD_MAX_BYTES = 72;

    private SharingRules() {}

    public static boolean isValidPassword(String password) {
        return password.length() >= PASSWORD_MIN
                && password.getBytes(StandardCharsets.UTF_8).length <= PASSWORD_MAX_BYTES;
    }
}
