package org.auditmanager.exports;

import java.util.ArrayList;
import java.util.List;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementHistory;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.stereotype.Component;

/** Every completed task form of the engagement, oldest first: the report reads as a timeline. */
@Component
class CompletedStepsSection implements SummarySection {

    private final EngagementHistory history;

    CompletedStepsSection(EngagementHistory history) {
        this.history = history;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public SectionContent content(Engagement engagement, AuthenticatedUser reader, ExportText text) {
        List<List<String>> rows = new ArrayList<>();
        history.of(engagement.id()).forEach(step ->
                rows.add(0, List.of(text.time(step.submittedAt()), step.taskName(), step.submittedBy())));
        return SectionContent.table(text.get("export.summary.steps"),
                List.of(text.get("export.summary.col.when"), text.get("export.summary.col.step"),
                        text.get("export.summary.col.by")),
                List.of(2, 5, 3), rows, text.get("export.summary.stepsNone"));
    }
}
