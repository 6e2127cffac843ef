package org.auditmanager.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as every feature sees them: roles, and for a client the one organisation they belong
 * to. Carried as the Spring Security principal.
 */
public final class AuthenticatedUser implements UserDetails, CredentialsContainer {

    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final UUID organisationId;
    private final boolean enabled;
    private transient String passwordHash;

    public AuthenticatedUser(String username, String displayName, Set<Role> roles, UUID organisationId,
                             boolean enabled, String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.organisationId = organisationId;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isClient() {
        return roles.contains(Role.CLIENT);
    }

    /** Managers and admins see every engagement; auditors and reviewers only those they are members of. */
    public boolean seesAllEngagements() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.ENGAGEMENT_MANAGER);
    }

    /** The client's organisation; null for staff. */
    public UUID organisationId() {
        return organisationId;
    }

    /** The Camunda groups this person belongs to: their roles, and a client's organisation. */
    public List<String> camundaGroups() {
        List<String> groups = new ArrayList<>();
        roles.forEach(role -> groups.add(CamundaGroups.roleGroup(role)));
        if (organisationId != null) {
            groups.add(CamundaGroups.organisationGroup(organisationId));
        }
        return groups;
    }

    /**
     * The groups the engine checks this person's authorizations against (/engine-rest, Cockpit, Tasklist).
     * Only the roles that see every engagement appear as themselves. The engine grants every candidate group
     * of a task read and update on it, so an AUDITOR or REVIEWER group here would show an auditor the tasks of
     * engagements they are not on; their access comes from per-person grants that follow engagement membership.
     */
    public List<String> engineAuthorizationGroups() {
        List<String> groups = new ArrayList<>();
        if (isClient()) {
            return groups;
        }
        groups.add(CamundaGroups.STAFF_WEBAPPS);
        if (has(Role.ENGAGEMENT_MANAGER)) {
            groups.add(CamundaGroups.roleGroup(Role.ENGAGEMENT_MANAGER));
        }
        if (has(Role.ADMIN)) {
            groups.add(CamundaGroups.roleGroup(Role.ADMIN));
            groups.add(CamundaGroups.CAMUNDA_ADMIN);
        }
        return groups;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthenticatedUser that && username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
