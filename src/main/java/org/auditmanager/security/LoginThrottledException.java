package org.auditmanager.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in for this name is paused after repeated failures; says nothing about whether the name exists. */
class LoginThrottledException extends AuthenticationException {

    private final Duration remaining;

    LoginThrottledException(Duration remaining) {
        super("sign-in paused");
        this.remaining = remaining;
    }

    Duration remaining() {
        return remaining;
    }

    SignInProblem problem() {
        return SignInProblem.throttled(remaining);
    }
}
