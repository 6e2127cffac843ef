package org.auditmanager.soa;

import org.auditmanager.common.ForbiddenException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.Role;

/**
 * Who may do what with an engagement's Statement of Applicability, once the engagement is visible to them.
 * The client's compliance managers, the audit team and engagement managers edit and submit it; the lead
 * auditor or an engagement manager approves it, never the client whose statement it is.
 */
final class SoaAccess {

    private SoaAccess() {
    }

    static boolean mayEdit(Engagement engagement, AuthenticatedUser user) {
        // a client reaches this only for its own organisation's engagements
        return user.isClient() || user.has(Role.ENGAGEMENT_MANAGER) || engagement.team().stream()
                .anyMatch(member -> member.username().equals(user.getUsername()) && member.role().isAuditTeam());
    }

    static boolean mayApprove(Engagement engagement, AuthenticatedUser user) {
        return !user.isClient()
                && (user.has(Role.ENGAGEMENT_MANAGER) || user.getUsername().equals(engagement.leadAuditor()));
    }

    static void requireEditor(Engagement engagement, AuthenticatedUser user) {
        if (!mayEdit(engagement, user)) {
            throw new ForbiddenException("Only the client's compliance managers, the audit team of %s and engagement "
                    .formatted(engagement.reference()) + "managers change its Statement of Applicability.");
        }
    }

    static void requireApprover(Engagement engagement, AuthenticatedUser user) {
        if (user.isClient()) {
            throw new ForbiddenException("A client does not approve its own Statement of Applicability: the lead "
                    + "auditor or an engagement manager does.");
        }
        if (!mayApprove(engagement, user)) {
            throw new ForbiddenException("Only the lead auditor of %s or an engagement manager approves its "
                    .formatted(engagement.reference()) + "Statement of Applicability or sends it back.");
        }
    }
}
