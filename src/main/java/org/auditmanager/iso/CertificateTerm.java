package org.auditmanager.iso;

import java.time.LocalDate;

/**
 * The validity of one certificate: effective from its certification decision (reference.md A1.4) up to and
 * including {@code expiry}. {@code restoredAfterLapse} marks a certificate restored after the previous one expired,
 * which leaves a gap in validity (A7.7).
 */
public record CertificateTerm(LocalDate effectiveFrom, LocalDate expiry, boolean restoredAfterLapse) {
}
