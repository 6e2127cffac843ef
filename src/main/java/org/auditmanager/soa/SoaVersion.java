package org.auditmanager.soa;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of an engagement's Statement of Applicability: who made, submitted and approved it, and against
 * which catalogue version.
 *
 * @param basedOn the approved version this one started from, if any
 * @param decided controls with a decision (all of them, once submitted)
 */
public record SoaVersion(
        UUID id,
        int version,
        SoaStatus status,
        String catalogVersion,
        Integer basedOn,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        String submittedBy,
        Instant submittedAt,
        String approvedBy,
        Instant approvedAt,
        int decided,
        int applicable,
        int excluded) {
}
