package org.auditmanager.evidence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One item of an engagement's PBC list: what the auditor asks for, for which controls, from whom, by when and
 * for which period or date.
 */
public record EvidenceRequest(
        UUID id,
        UUID engagementId,
        int number,
        String title,
        String description,
        List<String> controlIds,
        String owner,
        String ownerName,
        LocalDate dueDate,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate asOfDate,
        EvidenceStatus status,
        @JsonIgnore String processInstanceId,
        Instant sharedAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /** The stable reference within the engagement, as the auditor and the client quote it. */
    @JsonProperty("reference")
    public String reference() {
        return "PBC-%03d".formatted(number);
    }

    public boolean isShared() {
        return sharedAt != null;
    }

    /** Whether evidence dated {@code date} lies in the period (or on the as-of date) the request asks about. */
    public boolean covers(LocalDate date) {
        if (asOfDate != null) {
            return date.equals(asOfDate);
        }
        return !date.isBefore(periodStart) && !date.isAfter(periodEnd);
    }

    EvidenceRequest withStatus(EvidenceStatus newStatus) {
        return new EvidenceRequest(id, engagementId, number, title, description, controlIds, owner, ownerName, dueDate,
                periodStart, periodEnd, asOfDate, newStatus, processInstanceId, sharedAt, createdBy, createdAt, updatedAt);
    }

    EvidenceRequest withControls(List<String> controls) {
        return new EvidenceRequest(id, engagementId, number, title, description, controls, owner, ownerName, dueDate,
                periodStart, periodEnd, asOfDate, status, processInstanceId, sharedAt, createdBy, createdAt, updatedAt);
    }
}
