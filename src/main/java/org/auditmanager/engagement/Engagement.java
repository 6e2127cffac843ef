package org.auditmanager.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One audit engagement: an ISO certification cycle or a SOC 2 examination of one organisation. */
public record Engagement(
        UUID id,
        String reference,
        UUID organisationId,
        String organisationName,
        Framework framework,
        EngagementKind kind,
        String title,
        String scope,
        String status,
        String leadAuditor,
        LocalDate asOfDate,
        LocalDate periodStart,
        LocalDate periodEnd,
        Set<String> tscCategories,
        String processInstanceId,
        Instant createdAt,
        List<TeamMember> team) {

    public Engagement withTeam(List<TeamMember> members) {
        return new Engagement(id, reference, organisationId, organisationName, framework, kind, title, scope, status,
                leadAuditor, asOfDate, periodStart, periodEnd, tscCategories, processInstanceId, createdAt, members);
    }
}
