package org.auditmanager.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auditmanager.common.AuditableChange;
import org.auditmanager.common.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
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
        if (users.exists(user.username())) {
            throw new ConflictException("A user named '" + user.username() + "' already exists.");
        }
        users.insert(user, passwordEncoder.encode(user.password()), clock.instant());
        identityMirror.mirror(user);
        events.publishEvent(AuditableChange.created(null, "USER", user.username(), null, user.organisationId(),
                Map.of("roles", user.roles(), "displayName", user.displayName())));
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

    @Transactional
    public void recordLogin(String username) {
        users.recordLogin(username, clock.instant());
    }
}
