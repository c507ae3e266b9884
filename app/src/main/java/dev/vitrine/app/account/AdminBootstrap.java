package dev.vitrine.app.account;

import dev.vitrine.api.account.AccountRules;
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
 * Creates the administrator named in configuration when no account of that name exists. An account that already
 * has the name is never promoted: anyone could have registered it first (names are compared without case), and
 * its password is not the configured one. It is left as it is, and the log says so.
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
                .doOnNext(existing -> {
                    if (existing.isAdmin()) {
                        log.info("Administrator account: {}", existing.username());
                    } else {
                        log.warn(
                                "An account named {} exists and is not an administrator: it is not made one (it may"
                                        + " have been registered by anyone). Choose another vitrine.admin.username,"
                                        + " or have an administrator grant the role.",
                                existing.username());
                    }
                })
                .switchIfEmpty(Mono.defer(this::create)
                        .doOnNext(admin -> log.info("Administrator account created: {}", admin.username())))
                .block(Duration.ofSeconds(30));
    }

    private Mono<AccountUser> create() {
        if (!AccountRules.isValidPassword(settings.password())) {
            return Mono.error(
                    new IllegalStateException("vitrine.admin.password must be set, " + AccountRules.PASSWORD_MIN_BYTES
                            + " to " + AccountRules.PASSWORD_MAX_BYTES + " bytes, to create the administrator"));
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
