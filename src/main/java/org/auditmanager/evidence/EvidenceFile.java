package org.auditmanager.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * One uploaded version of evidence for a request: immutable once stored.
 *
 * @param reusedFrom the accepted version of another request this one reuses; null for an upload
 */
public record EvidenceFile(
        UUID versionId,
        UUID requestId,
        int version,
        String filename,
        String contentType,
        long size,
        String sha256,
        LocalDate evidenceDate,
        String uploadedBy,
        String uploadedByName,
        Instant uploadedAt,
        UUID reusedFrom) {

    /** The size as people read it: 512 B, 12.5 KB, 3.2 MB. */
    public String displaySize() {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", size / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
}
