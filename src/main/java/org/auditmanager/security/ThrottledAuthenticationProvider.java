package org.auditmanager.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Every sign-in, by form or HTTP Basic: refused while the name is paused (before the password is even looked
 * at, so a correct guess during the pause gains nothing); otherwise the password first, and only then the
 * account's state, so that "your access has ended" is said to the account's owner only.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(UserAccounts accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        // nothing about the account before the password is proven (the default would say "disabled" to anyone)
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(user -> {
            AccountState state = accounts.stateOf(user.getUsername());
            if (!state.active()) {
                throw new AccountInactiveException(state);
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        throttle.pausedFor(username).ifPresent(remaining -> {
            throw new LoginThrottledException(remaining);
        });
        try {
            Authentication authenticated = passwords.authenticate(authentication);
            throttle.succeeded(username);
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.failed(username);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
