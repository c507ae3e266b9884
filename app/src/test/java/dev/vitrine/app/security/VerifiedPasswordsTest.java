package dev.vitrine.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class VerifiedPasswordsTest {

    final AtomicInteger hashed = new AtomicInteger();
    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4) {
        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            hashed.incrementAndGet();
            return super.matches(rawPassword, encodedPassword);
        }
    };
    final String stored = bcrypt.encode("correct horse");

    @Test
    void a_password_that_matched_is_taken_again_without_hashing() {
        var passwords = new VerifiedPasswords(bcrypt, new VerifiedPasswords.Settings(Duration.ofMinutes(10), 100));

        assertThat(passwords.matches("correct horse", stored)).isTrue();
        assertThat(passwords.matches("correct horse", stored)).isTrue();
        assertThat(passwords.matches("correct horse", stored)).isTrue();

        assertThat(hashed).hasValue(1);
    }

    @Test
    void a_wrong_password_is_hashed_every_time_and_never_matches() {
        var passwords = new VerifiedPasswords(bcrypt, new VerifiedPasswords.Settings(Duration.ofMinutes(10), 100));
        passwords.matches("correct horse", stored);

        assertThat(passwords.matches("battery staple", stored)).isFalse();
        assertThat(passwords.matches("battery staple", stored)).isFalse();

        assertThat(hashed).hasValue(3);
    }

    @Test
    void after_a_password_change_the_old_password_no_longer_matches() {
        var passwords = new VerifiedPasswords(bcrypt, new VerifiedPasswords.Settings(Duration.ofMinutes(10), 100));
        passwords.matches("correct horse", stored);
        String changed = bcrypt.encode("battery staple");

        assertThat(passwords.matches("correct horse", changed)).isFalse();
        assertThat(passwords.matches("battery staple", changed)).isTrue();
    }

    @Test
    void with_no_time_to_remember_every_check_hashes() {
        var passwords = new VerifiedPasswords(bcrypt, new VerifiedPasswords.Settings(Duration.ZERO, 100));

        passwords.matches("correct horse", stored);
        passwords.matches("correct horse", stored);

        assertThat(hashed).hasValue(2);
    }
}
