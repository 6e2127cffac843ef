package org.auditmanager.soc2;

import java.time.LocalDate;
import java.util.List;

/**
 * The report's state as GET /api/engagements/{id} shows it.
 *
 * @param overdue not issued and past its due date
 */
public record Soc2Report(ReportStatus status, LocalDate due, boolean overdue, boolean overdueEscalated,
                         LocalDate reportDate, String reportReference, Opinion proposedOpinion, String proposalReason,
                         Opinion opinion, List<Soc2Milestone> milestones) {
}
