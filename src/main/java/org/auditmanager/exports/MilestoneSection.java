package org.auditmanager.exports;

import java.util.List;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.stereotype.Component;

/** The engagement's key dates: planned, due and reached. */
@Component
class MilestoneSection implements SummarySection {

    private final ExportRepository repository;

    MilestoneSection(ExportRepository repository) {
        this.repository = repository;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public SectionContent content(Engagement engagement, AuthenticatedUser reader, ExportText text) {
        return SectionContent.table(text.get("export.summary.milestones"),
                List.of(text.get("export.summary.col.milestone"), text.get("export.summary.col.planned"),
                        text.get("export.summary.col.due"), text.get("export.summary.col.reached")),
                List.of(4, 2, 2, 2),
                repository.milestones(engagement.id()).stream().map(milestone -> List.of(milestone.label(),
                        text.date(milestone.planned()), text.date(milestone.due()), text.date(milestone.reached())))
                        .toList(),
                text.get("export.summary.milestonesNone"));
    }
}
