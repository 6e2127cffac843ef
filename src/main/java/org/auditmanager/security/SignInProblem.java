package org.auditmanager.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.MessageSourceResolvable;

/**
 * Why a sign-in was refused, when saying so reveals nothing to a stranger: a pause after too many failures
 * (the same for every name, known or not), or the state of an account whose password was just proven.
 * Kept in the session from the refused attempt until the login page shows it once.
 */
public record SignInProblem(String code, Object[] arguments) implements MessageSourceResolvable, Serializable {

    private static final String SESSION_ATTRIBUTE = SignInProblem.class.getName();

    static SignInProblem throttled(Duration remaining) {
        long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
        return new SignInProblem("login.locked", new Object[] {minutes});
    }

    static SignInProblem of(AccountState state) {
        return switch (state.status()) {
            case ENDED -> new SignInProblem("login.accessEnded", new Object[] {state.date().toString()});
            case NOT_YET_STARTED -> new SignInProblem("login.accessNotStarted", new Object[] {state.date().toString()});
            case REVOKED -> new SignInProblem("login.accessRevoked", new Object[] {state.date().toString()});
            case DISABLED, ACTIVE -> new SignInProblem("login.disabled", new Object[0]);
        };
    }

    void storeIn(HttpSession session) {
        session.setAttribute(SESSION_ATTRIBUTE, this);
    }

    /** The problem of the last refused sign-in of this browser, once. */
    public static Optional<SignInProblem> takeFrom(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof SignInProblem problem)) {
            return Optional.empty();
        }
        session.removeAttribute(SESSION_ATTRIBUTE);
        return Optional.of(problem);
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return null;
    }
}
