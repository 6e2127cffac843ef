package org.auditmanager.iso;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * Where an ISO/IEC 27001 engagement stands: its current certificate (none before the first decision), the audit
 * days of its programme, and every milestone with its planned, due and actual date.
 *
 * @param certificateStatus ACTIVE, SUSPENDED, EXPIRED or WITHDRAWN; null before any certificate
 */
public record CertificationStatus(
        UUID engagementId,
        @Nullable CertificateStatus certificateStatus,
        @Nullable Certificate certificate,
        @Nullable AuditDays auditDays,
        List<MilestoneDates> milestones) {

    public CertificationStatus {
        milestones = List.copyOf(milestones);
    }

    public record Certificate(String number, int cycle, LocalDate issueDate, LocalDate expiryDate, String scope,
                              String soaVersion, boolean restoredAfterLapse, CertificateStatus status,
                              LocalDate statusSince, @Nullable String statusReason) {
    }

    /** Auditor-days of the programme (ISO/IEC 27006 chart): initial, Stage 1, Stage 2, surveillance, recert. */
    public record AuditDays(int personsInScope, BigDecimal initial, BigDecimal stage1, BigDecimal stage2,
                            BigDecimal surveillance, BigDecimal recertification) {
    }

    public record MilestoneDates(String key, String label, @Nullable LocalDate planned, @Nullable LocalDate due,
                                 @Nullable LocalDate actual) {
    }
}
