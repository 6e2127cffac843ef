package org.auditmanager.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An accepted evidence file version of another engagement of the same organisation that a request may reuse,
 * because the controls of its request map to the controls of the request at hand.
 */
public record ReuseCandidate(
        UUID versionId,
        int version,
        String filename,
        String contentType,
        long size,
        String sha256,
        LocalDate evidenceDate,
        Instant uploadedAt,
        UUID sourceRequestId,
        String sourceRequestReference,
        String sourceRequestTitle,
        List<String> sourceControlIds,
        UUID sourceEngagementId,
        String sourceEngagementReference) {
}
