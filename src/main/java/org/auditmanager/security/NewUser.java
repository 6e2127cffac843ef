package org.auditmanager.security;

import java.util.Set;
import java.util.UUID;

/** What it takes to create a user; the password arrives in clear and is stored BCrypt-hashed. */
public record NewUser(String username, String displayName, String email, String password, Set<Role> roles,
                      UUID organisationId) {

    public NewUser {
        if (roles.contains(Role.CLIENT) != (organisationId != null)) {
            throw new IllegalArgumentException("a client user belongs to exactly one organisation, staff to none");
        }
        if (roles.contains(Role.CLIENT) && roles.size() > 1) {
            throw new IllegalArgumentException("a client user has no staff role");
        }
    }
}
