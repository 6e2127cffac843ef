package org.auditmanager.soc2;

/** Where the SOC 2 report stands. */
public enum ReportStatus {
    NOT_STARTED,
    DRAFTING,
    DRAFTED,
    CHANGES_REQUESTED,
    QUALITY_REVIEWED,
    SIGNED_OFF,
    ISSUED
}
