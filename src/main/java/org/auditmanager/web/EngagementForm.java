package org.auditmanager.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.springframework.format.annotation.DateTimeFormat;

/** The new-engagement page's form, bound field by field and turned into a {@link NewEngagement}. */
public class EngagementForm {

    private UUID organisationId;
    private EngagementKind kind = EngagementKind.CERTIFICATION_CYCLE;
    private String title;
    private String scope;
    private String leadAuditor;
    private List<String> auditTeam = new ArrayList<>();
    private String decisionMaker;
    private String qualityReviewer;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate asOfDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate periodStart;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate periodEnd;
    private Set<String> tscCategories = new LinkedHashSet<>(Set.of("Security"));

    NewEngagement toRequest() {
        Framework framework = kind == null ? null : kind.framework();
        boolean soc2 = framework == Framework.SOC2;
        return new NewEngagement(organisationId, framework, kind, title, scope, leadAuditor, auditTeam,
                soc2 ? null : decisionMaker, soc2 ? qualityReviewer : null,
                kind == EngagementKind.TYPE_I ? asOfDate : null,
                kind == EngagementKind.TYPE_II ? periodStart : null,
                kind == EngagementKind.TYPE_II ? periodEnd : null,
                soc2 ? tscCategories : Set.of());
    }

    public UUID getOrganisationId() { return organisationId; }
    public void setOrganisationId(UUID organisationId) { this.organisationId = organisationId; }
    public EngagementKind getKind() { return kind; }
    public void setKind(EngagementKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public String getLeadAuditor() { return leadAuditor; }
    public void setLeadAuditor(String leadAuditor) { this.leadAuditor = leadAuditor; }
    public List<String> getAuditTeam() { return auditTeam; }
    public void setAuditTeam(List<String> auditTeam) { this.auditTeam = auditTeam == null ? new ArrayList<>() : auditTeam; }
    public String getDecisionMaker() { return decisionMaker; }
    public void setDecisionMaker(String decisionMaker) { this.decisionMaker = decisionMaker; }
    public String getQualityReviewer() { return qualityReviewer; }
    public void setQualityReviewer(String qualityReviewer) { this.qualityReviewer = qualityReviewer; }
    public LocalDate getAsOfDate() { return asOfDate; }
    public void setAsOfDate(LocalDate asOfDate) { this.asOfDate = asOfDate; }
    public LocalDate getPeriodStart() { return periodStart; }
    public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
    public Set<String> getTscCategories() { return tscCategories; }
    public void setTscCategories(Set<String> tscCategories) {
        this.tscCategories = tscCategories == null ? new LinkedHashSet<>() : tscCategories;
    }
}
