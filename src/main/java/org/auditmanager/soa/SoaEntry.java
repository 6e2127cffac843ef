package org.auditmanager.soa;

/**
 * The decision on one Annex A control: applicable or excluded, why, and for an applicable control how far it
 * is implemented. An exclusion needs a justification (ISO/IEC 27001:2022, 6.1.3 d); an excluded control has
 * no implementation status.
 */
public record SoaEntry(String controlId, Boolean applicable, String justification,
                       ImplementationStatus implementationStatus) {
}
