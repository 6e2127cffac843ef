package org.auditmanager.soa;

/** Whether an applicable control is in place (ISO/IEC 27001:2022, 6.1.3 d asks for it per necessary control). */
public enum ImplementationStatus {
    NOT_STARTED,
    PLANNED,
    PARTIAL,
    IMPLEMENTED
}
