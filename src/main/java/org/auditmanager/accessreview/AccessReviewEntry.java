package org.auditmanager.accessreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.auditmanager.security.AccountState;
import org.auditmanager.security.Role;

/**
 * One account as the access review shows it: what it may reach today. An account that cannot sign in today
 * reaches nothing, whatever teams it is on; its state says why.
 */
public record AccessReviewEntry(String username, String displayName, List<Role> roles, AccountState state,
                                boolean external, LocalDate accessFrom, LocalDate accessUntil,
                                List<String> organisations, List<String> engagements, Instant lastLogin) {
}
