package dev.vitrine.app.account;

import dev.vitrine.command.gallery.MemberDirectory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Members by username, from the accounts. */
@Component
class AccountDirectory implements MemberDirectory {

    private final Accounts accounts;

    AccountDirectory(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<Account> find(String username) {
        return accounts.findAccount(username).map(account -> new Account(account.id(), account.username()));
    }
}
