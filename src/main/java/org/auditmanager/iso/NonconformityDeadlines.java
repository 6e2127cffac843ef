package org.auditmanager.iso;

import java.time.LocalDate;

/**
 * Deadlines for the nonconformities raised at one audit (reference.md B.3).
 *
 * @param majorVerifiedBy corrections and corrective actions for every major NC verified by this day
 * @param minorPlanAcceptedBy the corrective-action plan for every minor NC accepted by this day; implementation
 *        is verified at the next audit
 * @param majorLimit the last day on which a major NC can still be verified before {@code whenMajorOpen} applies
 * @param whenMajorOpen what follows when a major NC is still open after {@code majorLimit}
 */
public record NonconformityDeadlines(
        LocalDate majorVerifiedBy,
        LocalDate minorPlanAcceptedBy,
        LocalDate majorLimit,
        OpenMajorConsequence whenMajorOpen) {

    /** What a major NC left open past its limit leads to. */
    public enum OpenMajorConsequence {
        /** Initial certification: another Stage 2 before certification can be recommended. */
        REPEAT_STAGE_2,
        /** Surveillance: certification cannot be maintained; the CB suspends it. */
        SUSPENSION,
        /** Recertification: validity is not extended; the certificate expires (restoration within 6 months). */
        CERTIFICATE_NOT_RENEWED
    }

    /** True when a major NC verified on {@code verifiedOn} (or still open on that day) came too late. */
    public boolean majorLimitPassed(LocalDate verifiedOn) {
        return verifiedOn.isAfter(majorLimit);
    }
}
