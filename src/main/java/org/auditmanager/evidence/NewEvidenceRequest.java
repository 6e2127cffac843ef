package org.auditmanager.evidence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A request as an auditor drafts or edits it. Control ids are plain strings (A.5.15, CC6.1) until the control
 * catalogues exist. The evidence covers either a period or an as-of date; the rules that need the engagement
 * are in {@link EvidenceRequestRules}.
 */
public record NewEvidenceRequest(
        @NotBlank(message = "{evidence.title.required}") @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @Size(max = 50) List<@NotBlank @Size(max = 20) String> controlIds,
        @Size(max = 64) String owner,
        @NotNull(message = "{evidence.dueDate.required}") LocalDate dueDate,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate asOfDate) {

    public List<String> controlIdsOrEmpty() {
        return controlIds == null ? List.of() : controlIds;
    }

    public boolean hasOwner() {
        return owner != null && !owner.isBlank();
    }
}
