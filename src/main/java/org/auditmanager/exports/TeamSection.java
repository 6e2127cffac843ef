package org.auditmanager.exports;

import java.util.List;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.stereotype.Component;

@Component
class TeamSection implements SummarySection {

    @Override
    public int order() {
        return 20;
    }

    @Override
    public SectionContent content(Engagement engagement, AuthenticatedUser reader, ExportText text) {
        return SectionContent.table(text.get("export.summary.team"),
                List.of(text.get("export.summary.col.name"), text.get("export.summary.col.role")), List.of(3, 2),
                engagement.team().stream()
                        .map(member -> List.of(member.displayName(), text.label("teamRole.", member.role()))).toList(),
                text.get("export.summary.teamNone"));
    }
}
