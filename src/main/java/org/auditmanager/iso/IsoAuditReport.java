package org.auditmanager.iso;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * One audit of an ISO/IEC 27001 engagement as the people who sign it off read it: its report text, the lead
 * auditor's recommendation and its findings with where each stands.
 */
public record IsoAuditReport(UUID auditId, int cycleNo, AuditType type, String status, @Nullable String report,
                             @Nullable String recommendation, @Nullable String signedOffBy, List<Finding> findings) {

    public IsoAuditReport {
        findings = List.copyOf(findings);
    }

    /**
     * A finding of the audit: status OPEN, RESPONDED, RETURNED, PLAN_ACCEPTED, VERIFIED or LAPSED for a
     * nonconformity, RECORDED otherwise; closedOn is set when its handling ended.
     */
    public record Finding(FindingCategory category, @Nullable String clause, String description, String status,
                          @Nullable LocalDate dueDate, @Nullable LocalDate closedOn) {

        /** A nonconformity whose handling has not ended yet. */
        public boolean isOpen() {
            return category.isNonconformity() && closedOn == null;
        }
    }
}
