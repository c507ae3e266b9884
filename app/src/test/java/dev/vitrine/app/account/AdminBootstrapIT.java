package dev.vitrine.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The configured administrator is created only where no account has the name: an account someone registered
 * under it first (in any case) is not made administrator.
 */
@VitrineIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIT {

    @Autowired
    WebTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void an_account_registered_first_under_the_admins_name_is_not_made_administrator(CapturedOutput log) {
        String name = "chief" + System.nanoTime();
        http.post()
                .uri("/api/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", name.toUpperCase(), "password", "first-come-password"))
                .exchange()
                .expectStatus()
                .isCreated();

        new AdminBootstrap(accounts, passwords, new AdminBootstrap.Settings(name, "the-configured-password")).run(null);

        AccountUser squatter = accounts.findAccount(name).block();
        assertThat(squatter.isAdmin()).isFalse();
        assertThat(passwords.matches("first-come-password", squatter.getPassword()))
                .isTrue();
        assertThat(log).contains("exists and is not an administrator");
    }

    @Test
    void the_administrator_is_created_when_the_name_is_free() {
        String name = "boss" + System.nanoTime();
        new AdminBootstrap(accounts, passwords, new AdminBootstrap.Settings(name, "the-configured-password")).run(null);
        AccountUser admin = accounts.findAccount(name).block();
        assertThat(admin.isAdmin()).isTrue();
        assertThat(passwords.matches("the-configured-password", admin.getPassword()))
                .isTrue();
    }
}
