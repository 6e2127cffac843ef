package org.auditmanager.security;

import java.util.Set;
import java.util.UUID;

/** A stored user, without the password hash. */
public record UserAccount(String username, String displayName, String email, Set<Role> roles, UUID organisationId,
                          boolean enabled) {
}
