package org.auditmanager.iso;

import java.math.BigDecimal;

/**
 * Auditor-days for an ISMS of a given size (reference.md C): the initial audit from the ISO/IEC 27006 chart and
 * the shares derived from it, each rounded up to the next half day. Stage 2 takes what Stage 1 leaves, so the two
 * always add up to {@code initial}.
 *
 * @param beyondChart true when the headcount is above the chart's last band and {@code initial} was extrapolated
 */
public record AuditDays(
        int personsInScope,
        BigDecimal initial,
        BigDecimal stage1,
        BigDecimal stage2,
        BigDecimal surveillance,
        BigDecimal recertification,
        boolean beyondChart) {
}
