package dev.vitrine.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vitrine.api.account.AccountRules;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password hash is slow on purpose (bcrypt: ~100 ms of CPU), and an API client signs every request with HTTP
 * Basic: hashing each time would cap a 2-core node at a few dozen requests per second. So a password that matched
 * a stored hash is remembered for a while, as an HMAC under a key that exists only in this process, of the pair
 * (stored hash, password): a changed password is a different stored hash, and misses. Only matches are
 * remembered; a wrong password always pays the full hash, so guessing stays as slow as ever.
 */
final class VerifiedPasswords implements PasswordEncoder {

    private final PasswordEncoder hashing;
    private final Cache<String, Boolean> matched;
    private final SecretKeySpec key;

    VerifiedPasswords(PasswordEncoder hashing, Settings settings) {
        this.hashing = hashing;
        this.matched = Caffeine.newBuilder()
                .maximumSize(settings.size())
                .expireAfterWrite(settings.ttl())
                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hashing.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return hashing.matches(rawPassword, encodedPassword);
        }
        if (AccountRules.passwordBytes(rawPassword) > AccountRules.PASSWORD_MAX_BYTES) {
            return false; // no password this long was ever set, and bcrypt would refuse to hash it
        }
        String pair = fingerprint(rawPassword, encodedPassword);
        if (matched.getIfPresent(pair) != null) {
            return true;
        }
        boolean matches = hashing.matches(rawPassword, encodedPassword);
        if (matches) {
            matched.put(pair, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return hashing.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * @param ttl  how long a matched password is taken without hashing it again (0: hash every time)
     * @param size how many (account, password) pairs are remembered at most
     */
    @ConfigurationProperties("vitrine.security.verified-passwords")
    record Settings(
            @DefaultValue("10m") Duration ttl,
            @DefaultValue("10000") long size) {}
}
