package org.auditmanager.iso;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Events that can happen at any time of a certification cycle (reference.md A.8, A.9), each a BPMN message of
 * process iso27001-certification-cycle, and the certificate states in which each one applies.
 */
public enum CycleEvent {
    SUSPEND("suspend", EnumSet.of(CertificateStatus.ACTIVE)),
    RESTORE("restore", EnumSet.of(CertificateStatus.SUSPENDED)),
    WITHDRAW("withdraw", EnumSet.of(CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED)),
    SCOPE_CHANGE("scope-change", EnumSet.of(CertificateStatus.ACTIVE)),
    SPECIAL_AUDIT("special-audit", EnumSet.of(CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED));

    private final String type;
    private final Set<CertificateStatus> appliesTo;

    CycleEvent(String type, Set<CertificateStatus> appliesTo) {
        this.type = type;
        this.appliesTo = appliesTo;
    }

    /** The name in the API path and in our event records. */
    public String type() {
        return type;
    }

    /** The BPMN message the cycle waits for. */
    public String messageName() {
        return "iso-" + type;
    }

    public boolean appliesTo(CertificateStatus status) {
        return appliesTo.contains(status);
    }

    Set<CertificateStatus> appliesTo() {
        return appliesTo;
    }

    public static Optional<CycleEvent> ofType(String type) {
        return Arrays.stream(values()).filter(event -> event.type.equals(type)).findFirst();
    }
}
