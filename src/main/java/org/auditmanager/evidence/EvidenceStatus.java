package org.auditmanager.evidence;

/**
 * Where an evidence request stands. DRAFT until an auditor shares it; from then on its evidence-request process
 * moves it: OPEN (the client's turn), SUBMITTED (the auditor's turn), REJECTED (the client's turn again, with the
 * reason), OVERDUE (the client's turn, past the due date), and finally ACCEPTED or CANCELLED.
 */
public enum EvidenceStatus {
    DRAFT,
    OPEN,
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    OVERDUE,
    CANCELLED;

    public boolean isFinal() {
        return this == ACCEPTED || this == CANCELLED;
    }

    /** The client is expected to provide (or provide again) evidence. */
    public boolean awaitsClient() {
        return this == OPEN || this == REJECTED || this == OVERDUE;
    }
}
