package org.auditmanager.accessreview;

import java.time.LocalDate;
import java.util.List;
import org.auditmanager.security.AccountState;

/** An external auditor's account: the engagements they are on, their window and whether it is open today. */
public record ExternalAuditor(String username, String displayName, String email, List<String> engagements,
                              LocalDate accessFrom, LocalDate accessUntil, AccountState state) {
}
