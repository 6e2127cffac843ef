package org.auditmanager.iso;

/** The audits of an ISO/IEC 27001 certification cycle (reference.md A.2–A.8); all run process iso27001-audit. */
public enum AuditType {
    STAGE1,
    STAGE2,
    SURVEILLANCE,
    RECERTIFICATION,
    /** scope extension or reduction, short-notice audit after a complaint (A.8) */
    SPECIAL
}
