package org.auditmanager.iso;

/** The state of an engagement's current certificate (reference.md A.9, A7.6). */
public enum CertificateStatus {
    ACTIVE,
    /** temporarily invalid; restored, or withdrawn or reduced in scope after at most the configured maximum */
    SUSPENDED,
    /** not renewed by its expiry date; restorable within 6 months */
    EXPIRED,
    WITHDRAWN
}
