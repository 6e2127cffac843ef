package org.auditmanager.soa;

/** Where one version of a Statement of Applicability stands. Only a draft changes. */
public enum SoaStatus {
    DRAFT,
    /** waiting for the lead auditor or an engagement manager */
    SUBMITTED,
    /** final: never changed again; a change is a new version */
    APPROVED
}
