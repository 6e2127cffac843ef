package org.auditmanager.security;

import org.springframework.security.authentication.AccountStatusException;

/** The password was right but the account may not sign in now: disabled, revoked or outside its window. */
class AccountInactiveException extends AccountStatusException {

    private final transient AccountState state;

    AccountInactiveException(AccountState state) {
        super("account " + state.status());
        this.state = state;
    }

    SignInProblem problem() {
        return SignInProblem.of(state);
    }
}
