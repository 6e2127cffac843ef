package org.auditmanager.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Keeps each user's last interactive sign-in for the access review. */
@Component
class LastLoginRecorder {

    private final UserAccounts accounts;

    LastLoginRecorder(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        accounts.recordLogin(event.getAuthentication().getName());
    }
}
