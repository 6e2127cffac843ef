package org.auditmanager.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auditmanager.common.AuditableChange;
import org.auditmanager.common.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.auditmanager.common.NotFoundException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one user store: our app_user table, mirrored into the engine's identity service for groups. */
@Service
public class UserAccounts implements UserDetailsService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CamundaIdentityMirror identityMirror;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAccounts(UserRepository users, PasswordEncoder passwordEncoder, CamundaIdentityMirror identityMirror,
                 ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.identityMirror = identityMirror;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findForLogin(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Transactional
    public void create(NewUser user) {
        requireNew(user);
        users.insert(user, passwordEncoder.encode(user.password()), clock.instant());
        identityMirror.mirror(user);
        recordCreation(user, false);
    }

    /** An auditor from outside the firm, who may sign in from {@code accessFrom} to {@code accessUntil} only. */
    @Transactional
    public void createExternal(NewUser user, LocalDate accessFrom, LocalDate accessUntil) {
        if (accessFrom == null || accessUntil == null || accessUntil.isBefore(accessFrom)) {
            throw new IllegalArgumentException("an external account needs an access window that ends after it starts");
        }
        requireNew(user);
        users.insert(user, passwordEncoder.encode(user.password()), clock.instant(), true, accessFrom, accessUntil);
        identityMirror.mirror(user);
        recordCreation(user, true);
    }

    private void recordCreation(NewUser user, boolean external) {
        events.publishEvent(AuditableChange.created(null, "USER", user.username(), null, user.organisationId(),
                Map.of("roles", user.roles(), "displayName", user.displayName(), "external", external)));
    }

    private void requireNew(NewUser user) {
        if (users.exists(user.username())) {
            throw new ConflictException("A user named '" + user.username() + "' already exists.");
        }
    }

    public boolean exists(String username) {
        return users.exists(username);
    }

    public boolean anyWithRole(Role role) {
        return users.anyWithRole(role);
    }

    public Optional<UserAccount> find(String username) {
        return users.find(username);
    }

    public List<UserAccount> findAll() {
        return users.findAll();
    }

    /** The person as they appear when signed in, without the password hash; for decisions made on their behalf. */
    public Optional<AuthenticatedUser> principal(String username) {
        return users.findForLogin(username).map(user -> {
            user.eraseCredentials();
            return user;
        });
    }

    /** Whether the account may sign in today; an unknown name is treated like a disabled account. */
    public AccountState stateOf(String username) {
        return users.find(username).map(this::stateOf)
                .orElseGet(() -> new AccountState(AccountState.Status.DISABLED, null));
    }

    public AccountState stateOf(UserAccount account) {
        return AccountState.of(account, LocalDate.now(clock), clock.getZone());
    }

    /** Ends the account's access at once: its next request, on any session, is refused. */
    @Transactional
    public void revoke(String username, AuthenticatedUser by) {
        if (!users.exists(username)) {
            throw new NotFoundException("User");
        }
        users.revoke(username, clock.instant(), by.getUsername());
    }

    /** A disabled account cannot sign in and is signed out everywhere on its next request. */
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        if (users.setEnabled(username, enabled) != 1) {
            throw new NotFoundException("User");
        }
    }

    @Transactional
    public void recordLogin(String username) {
        users.recordLogin(username, clock.instant());
    }
}
