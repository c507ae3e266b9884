package dev.vitrine.app.account;

import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates the administrator named in configuration when that account does not exist yet, or makes an existing
 * account with that name an administrator. An existing password is never overwritten.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Settings settings;

    AdminBootstrap(Accounts accounts, PasswordEncoder passwords, Settings settings) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.username() == null || settings.username().isBlank()) {
            return;
        }
        accounts.findAccount(settings.username())
                .flatMap(existing ->
                        accounts.grant(existing.id(), AccountUser.ROLE_ADMIN).thenReturn(existing))
                .switchIfEmpty(Mono.defer(this::create))
                .doOnNext(admin -> log.info("Administrator account: {}", admin.username()))
                .block(Duration.ofSeconds(30));
    }

    private Mono<AccountUser> create() {
        if (settings.password() == null || settings.password().length() < 8) {
            return Mono.error(new IllegalStateException(
                    "vitrine.admin.password must be set (8 characters or more) to create the administrator"));
        }
        return accounts.create(
                settings.username(),
                passwords.encode(settings.password()),
                Set.of(AccountUser.ROLE_USER, AccountUser.ROLE_ADMIN));
    }

    /**
     * @param username the administrator's username; unset means no administrator is bootstrapped
     * @param password its password, used only when the account is created
     */
    @ConfigurationProperties("vitrine.admin")
    record Settings(String username, String password) {}
}
