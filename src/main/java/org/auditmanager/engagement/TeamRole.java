package org.auditmanager.engagement;

/** What a staff member is on one engagement. Membership decides what auditors and reviewers may see. */
public enum TeamRole {
    LEAD_AUDITOR,
    AUDITOR,
    /** ISO: the certification decision maker, never on the audit team */
    DECISION_MAKER,
    /** SOC 2: the engagement quality reviewer, never on the engagement team */
    QUALITY_REVIEWER;

    public boolean isAuditTeam() {
        return this == LEAD_AUDITOR || this == AUDITOR;
    }
}
