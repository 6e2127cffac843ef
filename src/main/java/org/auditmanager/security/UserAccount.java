package org.auditmanager.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A stored user, without the password hash. An external account (an auditor from outside the firm) may sign
 * in only from {@code accessFrom} to {@code accessUntil}, both days included; {@code revokedAt} ends any
 * account's access at once.
 */
public record UserAccount(String username, String displayName, String email, Set<Role> roles, UUID organisationId,
                          boolean enabled, boolean external, LocalDate accessFrom, LocalDate accessUntil,
                          Instant revokedAt, Instant lastLoginAt) {
}
