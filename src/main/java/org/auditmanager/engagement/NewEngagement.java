package org.auditmanager.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A new engagement as the API and the page submit it. The framework's own fields: ISO takes a decision
 * maker; SOC 2 takes trust services categories, a quality reviewer, and an as-of date (Type I) or a period
 * (Type II).
 */
public record NewEngagement(
        @NotNull(message = "{engagement.organisation.required}") UUID organisationId,
        @NotNull(message = "{engagement.framework.required}") Framework framework,
        @NotNull(message = "{engagement.kind.required}") EngagementKind kind,
        @NotBlank(message = "{engagement.title.required}") @Size(max = 200) String title,
        @NotBlank(message = "{engagement.scope.required}") @Size(max = 4000) String scope,
        @NotBlank(message = "{engagement.lead.required}") @Size(max = 64) String leadAuditor,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> auditTeam,
        @Size(max = 64) String decisionMaker,
        @Size(max = 64) String qualityReviewer,
        LocalDate asOfDate,
        LocalDate periodStart,
        LocalDate periodEnd,
        @Size(max = 5) Set<@NotBlank String> tscCategories) {

    public List<String> auditTeamOrEmpty() {
        return auditTeam == null ? List.of() : auditTeam;
    }

    public Set<String> tscCategoriesOrEmpty() {
        return tscCategories == null ? Set.of() : tscCategories;
    }
}
