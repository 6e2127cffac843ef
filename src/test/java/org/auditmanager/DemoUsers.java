package org.auditmanager;

import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
import org.springframework.stereotype.Component;

/** The demo profile's users as signed-in principals, for tests that call services directly. */
@Component
public class DemoUsers {

    private final UserAccounts accounts;

    public DemoUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public AuthenticatedUser get(String username) {
        return (AuthenticatedUser) accounts.loadUserByUsername(username);
    }
}
