package dev.kontak.web.api;

import dev.kontak.auth.entity.Account;
import dev.kontak.auth.entity.Role;
import java.util.UUID;

/** An account as API clients see it: never its password hash. */
public record AccountView(UUID id, String email, String displayName, Role role) {

    static AccountView of(Account account) {
        return new AccountView(account.id(), account.email(), account.displayName(), account.role());
    }
}
