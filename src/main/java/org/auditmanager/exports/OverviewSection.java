package org.auditmanager.exports;

import java.util.ArrayList;
import java.util.List;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.TeamMember;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.stereotype.Component;

/** What the engagement is and where it stands. */
@Component
class OverviewSection implements SummarySection {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public SectionContent content(Engagement engagement, AuthenticatedUser reader, ExportText text) {
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of(text.get("export.summary.reference"), engagement.reference()));
        facts.add(List.of(text.get("export.summary.engagementTitle"), engagement.title()));
        facts.add(List.of(text.get("export.summary.organisation"), engagement.organisationName()));
        facts.add(List.of(text.get("export.summary.framework"), text.label("framework.", engagement.framework())
                + " · " + text.label("kind.", engagement.kind())));
        facts.add(List.of(text.get("export.summary.status"), text.label("status.", engagement.status())));
        facts.add(List.of(text.get("export.summary.scope"), engagement.scope()));
        facts.add(List.of(text.get("export.summary.leadAuditor"), engagement.team().stream()
                .filter(member -> member.username().equals(engagement.leadAuditor()))
                .map(TeamMember::displayName).findFirst().orElse(ExportText.orNone(engagement.leadAuditor()))));
        if (engagement.asOfDate() != null) {
            facts.add(List.of(text.get("export.summary.asOfDate"), text.date(engagement.asOfDate())));
        }
        if (engagement.periodStart() != null) {
            facts.add(List.of(text.get("export.summary.period"),
                    text.date(engagement.periodStart()) + " – " + text.date(engagement.periodEnd())));
        }
        if (!engagement.tscCategories().isEmpty()) {
            facts.add(List.of(text.get("export.summary.tscCategories"), String.join(", ", engagement.tscCategories())));
        }
        facts.add(List.of(text.get("export.summary.created"), text.time(engagement.createdAt())));
        return SectionContent.facts(text.get("export.summary.overview"), facts);
    }
}
